// Code generated once from ../shared/source/164-KH-UBND-2023.txt; maintained by hand. The test
// TestVerbatim proves every clause against the source.

package plan

var sections = []Section{
	{ID: "I", Title: "MỤC ĐÍCH, YÊU CẦU", English: "Purposes and requirements", Parts: []Part{
		{ID: "I.1", Number: 1, Title: "Mục đích", English: "Purposes", Clauses: []Clause{
			{ID: "I.1.1", Text: "Tăng cường sự lãnh đạo, chỉ đạo tổ chức thực hiện của các cấp chính quyền, sự phối hợp của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội, nhằm góp phần thực hiện có hiệu quả các chính sách xã hội nhân đạo của Đảng và Nhà nước.",
				English: "Strengthen leadership and direction by all levels of government and coordination with the Fatherland Front and socio-political organisations, to carry out the humanitarian social policies of the Party and the State effectively."},
			{ID: "I.1.2", Text: "Công tác nhân đạo và hoạt động của Hội Chữ thập đỏ được tổ chức, thực hiện theo đúng quy định của pháp luật.",
				English: "Humanitarian work and Red Cross activity are organised and carried out as the law provides."},
			{ID: "I.1.3", Text: "Tiếp tục khẳng định vai trò nòng cốt của Hội Chữ thập đỏ trong việc phối hợp thực hiện các chính sách xã hội, nhân đạo của Đảng và Nhà nước; xác định rõ công tác nhân đạo là bộ phận quan trọng trong công tác dân vận của Đảng, là trách nhiệm của các cấp, các ngành, tổ chức, cá nhân trên địa bàn Thành phố.",
				English: "Reaffirm the Red Cross as the core force in carrying out humanitarian social policies; humanitarian work is part of the Party's mass mobilisation and the duty of every level, sector, organisation and person in the city."},
		}},
		{ID: "I.2", Number: 2, Title: "Yêu cầu", English: "Requirements", Clauses: []Clause{
			{ID: "I.2.1", Text: "Đảm bảo tính đồng bộ trong công tác lãnh đạo, chỉ đạo; tạo điều kiện thuận lợi cho hoạt động của Hội Chữ thập đỏ Thành phố, gắn với thực hiện nghiêm chỉnh chủ trương của Đảng, chính sách pháp luật của Nhà nước; quán triệt quan điểm phát triển kinh tế phải gắn liền với đảm bảo an sinh xã hội, nâng cao chất lượng đời sống của Nhân dân Thủ đô.",
				English: "Ensure consistent leadership and direction; make conditions favourable for the City Red Cross; link economic development with social security and the quality of life of the capital's people."},
			{ID: "I.2.2", Text: "Quán triệt, triển khai thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư phải được tiến hành nghiêm túc, đồng bộ nội dung Chỉ thị số 43-CT/TW ngày 08/6/2010 của Ban Bí thư Trung ương Đảng về tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam, Luật Hoạt động chữ thập đỏ Việt Nam trong tình hình mới và Kế hoạch số 140-KH/TU ngày 03/3/2023 của Thành ủy Hà Nội.",
				English: "Study and implement Conclusion 44-KL/TW seriously, in line with Directive 43-CT/TW, the Law on Red Cross Activities and Plan 140-KH/TU."},
		}},
	}},
	{ID: "II", Title: "NỘI DUNG", English: "Contents", Parts: []Part{
		{ID: "II.1", Number: 1, Title: "Tiếp tục nâng cao nhận thức, trách nhiệm về công tác nhân đạo và vai trò của Hội Chữ thập đỏ Việt Nam trong tình hình mới", English: "Keep raising awareness of, and responsibility for, humanitarian work and the role of the Vietnam Red Cross in the new situation", Clauses: []Clause{
			{ID: "II.1.1", Text: "Các sở, ngành, Hội Chữ thập đỏ Thành phố, UBND các quận, huyện, thị xã tiếp tục đẩy mạnh công tác tuyên truyền, phổ biến các chủ trương, chính sách của Đảng và Nhà nước về công tác nhân đạo, hoạt động của Hội Chữ thập đỏ Việt Nam, Luật Hoạt động chữ thập đỏ trong cán bộ, đảng viên, Nhân dân.",
				English: "Departments, the City Red Cross and the district-level committees keep promoting communication on the Party's and the State's humanitarian policies, the Red Cross and the Law on Red Cross Activities among officials, Party members and the people."},
			{ID: "II.1.2", Text: "Tiếp tục quán triệt, triển khai thực hiện có hiệu quả Chỉ thị số 43-CT/TW ngày 08/6/2010 của Ban Bí thư Trung ương Đảng về tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam, Luật Hoạt động chữ thập đỏ Việt Nam và Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư Trung ương Đảng.",
				English: "Keep studying and implementing Directive 43-CT/TW, the Law on Red Cross Activities and Conclusion 44-KL/TW effectively."},
			{ID: "II.1.3", Text: "Tiếp tục đẩy mạnh xã hội hóa các hoạt động như hoạt động cứu trợ khẩn cấp, hỗ trợ kịp thời, trực tiếp cho nạn nhân chiến tranh, thiên tai, dịch bệnh, hỏa hoạn, tai nạn giao thông và các tai nạn, thảm họa khác; hoạt động trợ giúp nhân đạo nhằm trợ giúp cho người khuyết tật, người cao tuổi không nơi nương tựa, trẻ em mồ côi, người nghèo, người có hoàn cảnh đặc biệt khó khăn khác và những đối tượng chính sách xã hội. Tích cực tuyên truyền, cổ vũ gương “Người tốt, việc thiện - Chung sức xây dựng cộng đồng nhân ái”; nhân rộng các mô hình hay, cách làm tốt trong hoạt động nhân đạo gắn với phong trào thi đua “Dân vận khéo”.",
				English: "Mobilise society for emergency relief and humanitarian assistance to victims and vulnerable people; honour \"Good people, good deeds\" examples and spread good humanitarian models together with the \"Skilful mass mobilisation\" emulation movement."},
			{ID: "II.1.4", Text: "Thường xuyên kiểm tra, đôn đốc và định kỳ sơ kết, tổng kết việc thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 43-CT/TW ngày 08/6/2010 của Ban Bí thư Trung ương Đảng khóa X về tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam và Kế hoạch số 140-KH/TU ngày 03/3/2023 của Thành ủy Hà Nội.",
				English: "Regularly inspect, urge, and periodically review the implementation of Conclusion 44-KL/TW and Plan 140-KH/TU."},
		}},
		{ID: "II.2", Number: 2, Title: "Nâng cao hiệu lực, hiệu quả quản lý Nhà nước đối với tổ chức và hoạt động của Hội Chữ thập đỏ", English: "Make state management of the Red Cross's organisation and activity more effective", Clauses: []Clause{
			{ID: "II.2.1", Text: "Quan tâm chỉ đạo củng cố, kiện toàn tổ chức bộ máy, cán bộ hội các cấp; thực hiện tốt công tác đào tạo, bồi dưỡng nâng cao trình độ chuyên môn và năng lực công tác cho đội ngũ cán bộ Hội Chữ thập đỏ.",
				English: "Consolidate the Red Cross's organisation and staff at every level; train and develop its officials."},
			{ID: "II.2.2", Text: "Tăng cường công tác quản lý Nhà nước đối với tổ chức và hoạt động của Hội Chữ thập đỏ; quan tâm tạo điều kiện về kinh phí, cơ sở vật chất, phương tiện cho hoạt động của Hội Chữ thập đỏ.",
				English: "Strengthen state management of the Red Cross; support it with funds, premises and equipment."},
			{ID: "II.2.3", Text: "Xây dựng đội ngũ cán bộ Hội Chữ thập đỏ các cấp trong Thành phố đủ về số lượng và bảo đảm chất lượng để thực hiện tốt các nội dung hoạt động chữ thập đỏ được quy định tại Luật Hoạt động chữ thập đỏ và đáp ứng yêu cầu nhiệm vụ trong tình hình mới; chú trọng công tác đào tạo, bồi dưỡng, tập huấn nâng cao trình độ nghiệp vụ và tính chuyên nghiệp của cán bộ hội, nhất là cán bộ cơ sở.",
				English: "Build a Red Cross staff sufficient in number and quality to carry out the contents of the Law, with emphasis on training, especially of grassroots officials."},
		}},
		{ID: "II.3", Number: 3, Title: "Tiếp tục đổi mới, nâng cao chất lượng, hiệu quả hoạt động của Hội Chữ thập đỏ", English: "Keep renewing the Red Cross's activity and raising its quality and effect", Clauses: []Clause{
			{ID: "II.3.1", Text: "Tiếp tục đổi mới nội dung, phương thức hoạt động của Hội Chữ thập đỏ với phương châm hướng về cơ sở, gắn bó với đối tượng, nhất là ở địa bàn còn gặp nhiều khó khăn.",
				English: "Renew the contents and methods of Red Cross activity, oriented to the grassroots and the people it serves, especially in disadvantaged areas."},
			{ID: "II.3.2", Text: "Chỉ đạo thực hiện có hiệu quả 07 nội dung hoạt động chữ thập đỏ được quy định trong Luật Hoạt động chữ thập đỏ, chủ động đề xuất thực hiện những biện pháp ngăn ngừa, ứng phó, làm giảm thiệt hại về người và tài sản do sự biến đổi khí hậu và thảm họa thiên tai gây ra.",
				English: "Direct the effective delivery of the seven contents of Red Cross activity in the Law; propose measures to prevent and reduce harm from climate change and natural disasters."},
			{ID: "II.3.3", Text: "Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động công tác nhân đạo; chú trọng nhân rộng các mô hình, điển hình tiên tiến trong hoạt động nhân đạo; tiếp tục đẩy mạnh thực hiện cuộc vận động “Mỗi tổ chức cá nhân gắn với một địa chỉ nhân đạo”, phong trào “Tết nhân ái”, phong trào “Người tốt, việc thiện, chung sức xây dựng cộng đồng nhân ái” và các chương trình, dự án hỗ trợ phát triển cộng đồng tại địa phương.",
				English: "Apply information technology to humanitarian work; spread advanced models; keep promoting the \"Every organisation and person linked to a humanitarian address\" campaign, the \"Humane Tết\" movement, the \"Good people, good deeds\" movement and community development projects."},
		}},
		{ID: "II.4", Number: 4, Title: "Tăng cường thực hiện tốt công tác phối hợp trong hoạt động chữ thập đỏ, công tác nhân đạo", English: "Improve coordination in Red Cross activity and humanitarian work", Clauses: []Clause{
			{ID: "II.4.1", Text: "Nâng cao hiệu quả công tác phối hợp giữa Hội Chữ thập đỏ với các tổ chức nhân đạo trong nước, quốc tế và Hội Chữ thập đỏ các tỉnh bạn.",
				English: "Improve coordination between the Red Cross and humanitarian organisations at home and abroad and the Red Cross societies of other provinces."},
			{ID: "II.4.2", Text: "Hội Chữ thập đỏ chủ động tham mưu, đề xuất, ký kết chương trình phối hợp với các sở, ngành, cơ quan, đơn vị theo từng lĩnh vực hoạt động cụ thể, phù hợp với điều kiện thực tế, bám sát nhiệm vụ phát triển kinh tế - xã hội của địa phương, nhằm nâng cao chất lượng, hiệu quả công tác nhân đạo và hoạt động chữ thập đỏ.",
				English: "The Red Cross proposes and signs coordination programmes with departments, agencies and units by field of activity, in line with local socio-economic tasks."},
			{ID: "II.4.3", Text: "Tham mưu thực hiện tốt công tác tuyên truyền, vận động, thu hút đông đảo các tổ chức, cá nhân, cơ quan, đơn vị, doanh nghiệp, trường học, các lực lượng vũ trang và nhân dân tích cực tham gia hưởng ứng các hoạt động Hội Chữ thập đỏ và phong trào nhân đạo, từ thiện tại địa phương.",
				English: "Advise on communication and mobilisation so that organisations, people, businesses, schools, the armed forces and the public take part in Red Cross and charitable movements."},
		}},
	}},
	{ID: "III", Title: "TỔ CHỨC THỰC HIỆN", English: "Implementation", Parts: []Part{
		{ID: "III.1", Number: 1, Title: "Hội Chữ thập đỏ Thành phố", English: "City Red Cross", Clauses: []Clause{
			{ID: "III.1.1", Text: "Chỉ đạo các cấp Hội tham mưu cấp ủy, chính quyền cùng cấp triển khai thực hiện có hiệu quả phong trào nhân đạo tại địa phương, xây dựng kế hoạch tổ chức hoạt động thường xuyên báo cáo kịp thời đề xuất tháo gỡ khó khăn, vướng mắc, những vấn đề mới phát sinh.",
				English: "Direct Red Cross chapters at every level to advise Party committees and authorities on humanitarian movements; plan regular activity, report promptly and propose solutions to difficulties and new issues."},
			{ID: "III.1.2", Text: "Tiếp tục đổi mới nội dung, phương thức hoạt động theo phương châm hướng về cơ sở, duy trì và nhân rộng các điển hình tiên tiến; gắn hoạt động nhân đạo vào các phong trào thi đua yêu nước. Duy trì và phát triển mạnh các hoạt động “Mỗi tổ chức, cá nhân gắn với một địa chỉ nhân đạo”, “Tết Nhân ái”, “hiến máu tình nguyện”; phong trào “Người tốt, việc thiện, chung sức xây dựng cộng đồng nhân ái”; công tác phòng ngừa ứng phó thảm họa, thiên tai, chăm sóc sức khỏe cộng đồng; phát triển và xây dựng các nguồn quỹ Hội để chăm lo cho các đối tượng yếu thế trong xã hội.",
				English: "Renew activity towards the grassroots and spread advanced examples; sustain the \"humanitarian address\", \"Humane Tết\" and voluntary blood donation activities and the \"Good people, good deeds\" movement; disaster preparedness and community health care; develop the Red Cross's funds for vulnerable people."},
			{ID: "III.1.3", Text: "Chủ động phối hợp với các cơ quan liên quan đề xuất củng cố tổ chức, chính sách cho cán bộ Hội và các điều kiện hoạt động của Hội.",
				English: "Work with the agencies concerned to propose organisational consolidation, policies for Red Cross staff and its operating conditions."},
			{ID: "III.1.4", Text: "Hội Chữ thập đỏ Thành phố chủ động phối hợp với Sở Thông tin và Truyền thông, cung cấp thông tin cho báo chí để công tác tuyên truyền đạt hiệu quả cao.",
				English: "Work with the Department of Information and Communications and supply information to the press so that communication is effective."},
			{ID: "III.1.5", Text: "Thường xuyên quan tâm xây dựng, kiện toàn, củng cố, tổ chức hội và phát triển hội viên, tình nguyện viên, cộng tác viên Chữ thập đỏ trong các cơ quan, trường học, cộng đồng dân cư; chăm lo, bảo vệ quyền và lợi ích hợp pháp, chính đáng của hội viên; xây dựng tổ chức Hội từ Thành phố đến cơ sở vững mạnh nhằm đáp ứng yêu cầu, nhiệm vụ công tác nhân đạo trong tình hình mới.",
				English: "Build and consolidate Red Cross chapters and develop members, volunteers and collaborators in agencies, schools and communities; protect members' lawful rights; make the organisation strong from city to grassroots."},
			{ID: "III.1.6", Text: "Tổng hợp báo cáo kết quả triển khai thực hiện 6 tháng, năm (trước 15/12) gửi Thành ủy, UBND Thành phố, các sở ngành liên quan.",
				English: "Compile the half-year and annual implementation reports (the annual one before 15 December) and send them to the City Party Committee, the City People's Committee and the departments concerned."},
		}},
		{ID: "III.2", Number: 2, Title: "Sở Lao động - Thương binh và Xã hội", English: "Department of Labour, Invalids and Social Affairs", Clauses: []Clause{
			{ID: "III.2.1", Text: "Phối hợp với Hội Chữ thập đỏ Thành phố kiểm tra các địa phương việc triển khai thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 43-CT/TW ngày 08/6/2010 của Ban Bí thư Trung ương Đảng khóa X về tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam trong tình hình mới và Kế hoạch số 140-KH/TU ngày 03/3/2023 của Thành ủy Hà Nội.",
				English: "With the City Red Cross, inspect how localities implement Conclusion 44-KL/TW and Plan 140-KH/TU."},
		}},
		{ID: "III.3", Number: 3, Title: "Sở Thông tin và Truyền thông", English: "Department of Information and Communications", Clauses: []Clause{
			{ID: "III.3.1", Text: "Phối hợp với Hội Chữ thập đỏ Thành phố, sở, ban, ngành liên quan hướng dẫn các cơ quan báo chí Thành phố, các cơ quan báo chí Trung ương và địa phương phối hợp công tác với UBND thành phố Hà Nội, chỉ đạo hệ thống thông tin cơ sở đẩy mạnh công tác tuyên truyền về hoạt động nhân đạo và công tác Hội Chữ thập đỏ đến mọi tầng lớp nhân dân trên địa bàn Thành phố.",
				English: "With the City Red Cross and the departments concerned, guide city, central and local press and direct the grassroots information system to promote communication on humanitarian and Red Cross work to all people in the city."},
		}},
		{ID: "III.4", Number: 4, Title: "Sở Nội vụ", English: "Department of Home Affairs", Clauses: []Clause{
			{ID: "III.4.1", Text: "Tham mưu UBND Thành phố bố trí, sắp xếp đội ngũ cán bộ, viên chức, người làm việc tại Hội Chữ thập đỏ Thành phố và Hội Chữ thập đỏ cơ sở, đảm bảo tinh, gọn, hoạt động hiệu quả, đúng quy định về sắp xếp tổ chức bộ máy của tổ chức hội do Đảng, Nhà nước giao nhiệm vụ.",
				English: "Advise the City People's Committee on staffing the City Red Cross and grassroots Red Cross chapters, lean and effective, as the rules on associations tasked by the Party and State require."},
			{ID: "III.4.2", Text: "Phối hợp với Sở Lao động - Thương binh và Xã hội hướng dẫn Hội Chữ thập đỏ Thành phố xây dựng và tổ chức thực hiện Kế hoạch bồi dưỡng, tập huấn để nâng cao năng lực tham mưu chính sách, vận động nguồn lực; nâng cao nghiệp vụ, kỹ năng công tác cho đội ngũ cán bộ Hội Chữ thập đỏ các cấp, góp phần thực hiện tốt các hoạt động nhân đạo.",
				English: "With the Department of Labour, Invalids and Social Affairs, guide the City Red Cross in planning and running training to build its policy, fundraising and operational skills at every level."},
			{ID: "III.4.3", Text: "Phối hợp với cơ quan chức năng, UBND quận, huyện, thị xã thực hiện việc kiểm tra về tổ chức, hoạt động của Hội Chữ thập đỏ trên địa bàn Thành phố, hướng dẫn Hội hoạt động đúng quy định pháp luật về hội; kịp thời phát hiện những khó khăn, vướng mắc để tham mưu UBND Thành phố xem xét, giải quyết.",
				English: "With the competent agencies and district-level committees, inspect the Red Cross's organisation and activity, guide it to act lawfully, and report difficulties to the City People's Committee."},
		}},
		{ID: "III.5", Number: 5, Title: "Sở Tài chính", English: "Department of Finance", Clauses: []Clause{
			{ID: "III.5.1", Text: "Trên cơ sở đề xuất của Hội Chữ thập đỏ thành phố Hà Nội và các đơn vị có liên quan, Sở Tài chính tổng hợp báo cáo UBND Thành phố trình HĐND Thành phố bố trí kinh phí thực hiện nhiệm vụ theo quy định.",
				English: "On the proposals of the City Red Cross and the units concerned, compile and submit, through the City People's Committee to the City People's Council, the budget to carry out the tasks."},
		}},
		{ID: "III.6", Number: 6, Title: "Sở Y tế", English: "Department of Health", Clauses: []Clause{
			{ID: "III.6.1", Text: "Chủ trì phối hợp với Hội Chữ thập đỏ Thành phố trong công tác chăm sóc sức khỏe ban đầu cho Nhân dân, khám chữa bệnh nhân đạo, tuyên truyền vận động hiến máu nhân đạo, hiến mô, tạng, bộ phận cơ thể người, hiến xác theo quy định.",
				English: "Lead, with the City Red Cross, primary health care, humanitarian medical examination and treatment, and the promotion of donation of blood, tissue, organs and bodies."},
		}},
		{ID: "III.7", Number: 7, Title: "Sở Giáo dục và Đào tạo", English: "Department of Education and Training", Clauses: []Clause{
			{ID: "III.7.1", Text: "Chỉ đạo quán triệt và triển khai thực hiện tốt Thông tư số 07/2014/TT-BGDĐT ngày 14/3/2014 của Bộ Giáo dục và Đào tạo quy định về hoạt động chữ thập đỏ trong trường học.",
				English: "Direct the study and implementation of Circular 07/2014/TT-BGDĐT on Red Cross activity in schools."},
			{ID: "III.7.2", Text: "Chỉ đạo triển khai thực hiện hiệu quả công tác thanh, thiếu niên Chữ thập đỏ và các hoạt động nhân đạo, từ thiện trong các trường học trên địa bàn Thành phố.",
				English: "Direct Red Cross youth work and humanitarian and charitable activity in the city's schools."},
		}},
		{ID: "III.8", Number: 8, Title: "Sở Ngoại vụ", English: "Department of Foreign Affairs", Clauses: []Clause{
			{ID: "III.8.1", Text: "Chủ trì, phối hợp với Hội Chữ thập đỏ Thành phố triển khai thực hiện các hoạt động hợp tác quốc tế về công tác nhân đạo.",
				English: "Lead, with the City Red Cross, international cooperation in humanitarian work."},
		}},
		{ID: "III.9", Number: 9, Title: "Báo Hà Nội Mới, Báo Kinh tế và Đô thị, Đài Phát thanh và Truyền hình Hà Nội", English: "Hanoi Moi newspaper, Economic and Urban newspaper, Hanoi Radio and Television", Clauses: []Clause{
			{ID: "III.9.1", Text: "Tăng cường tuyên truyền về hoạt động nhân đạo và công tác Hội Chữ thập đỏ trên địa bàn Thành phố.",
				English: "Strengthen communication on humanitarian activity and Red Cross work in the city."},
		}},
		{ID: "III.10", Number: 10, Title: "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội và các tổ chức chính trị - xã hội", English: "The City Fatherland Front Committee and the socio-political organisations (requested)", Clauses: []Clause{
			{ID: "III.10.1", Text: "Căn cứ điều kiện cụ thể của đơn vị chủ động phối hợp với Hội Chữ thập đỏ tuyên truyền, phổ biến các chủ trương, chính sách của Đảng, Nhà nước về công tác nhân đạo, hoạt động của Hội Chữ thập đỏ Việt Nam, Luật Hoạt động chữ thập đỏ. Vận động đoàn viên, hội viên và Nhân dân hưởng ứng tham gia hoạt động chữ thập đỏ, thực hiện tốt các phong trào, các cuộc vận động nhân đạo tại địa phương, đơn vị; thành lập các chi hội, đội tình nguyện viên Chữ thập đỏ tại cơ quan, đơn vị gắn với hoạt động của tổ chức Công đoàn cơ sở thường xuyên thực hiện tốt công tác nhân đạo, từ thiện.",
				English: "Work with the Red Cross to promote the humanitarian policies and the Law; mobilise members and the people to join Red Cross movements and campaigns; set up Red Cross chapters and volunteer teams in agencies, linked to grassroots trade unions."},
		}},
		{ID: "III.11", Number: 11, Title: "Đề nghị Ban Dân vận Thành ủy", English: "The City Party Committee's Mass Mobilisation Commission (requested)", Clauses: []Clause{
			{ID: "III.11.1", Text: "Chủ trì, phối hợp với Văn phòng Thành ủy và các Ban Đảng của Thành ủy, Ban Chấp hành Hội Chữ thập đỏ Thành phố hướng dẫn, kiểm tra, đôn đốc việc tổ chức thực hiện Kế hoạch số 140-KH/TU, định kỳ đánh giá kết quả thực hiện, những khó khăn, vướng mắc, kiến nghị, đề xuất với Thường trực Thành ủy.",
				English: "Lead, with the Party Committee's Office and commissions and the City Red Cross executive, the guidance, inspection and follow-up of Plan 140-KH/TU; assess results periodically and report difficulties and proposals to the Standing Board."},
		}},
		{ID: "III.12", Number: 12, Title: "UBND các quận, huyện, thị xã", English: "People's committees of the urban districts, rural districts and town", Clauses: []Clause{
			{ID: "III.12.1", Text: "Xây dựng Kế hoạch, tổ chức thực hiện phù hợp điều kiện thực tế của địa phương. Theo dõi kiểm tra, đánh giá, định kỳ hàng năm báo cáo Ban Thường vụ Thành ủy (qua Ban Dân vận Thành ủy), UBND Thành phố (qua Hội Chữ thập đỏ Thành phố tổng hợp toàn Thành phố) kết quả thực hiện.",
				English: "Make and carry out a local plan; monitor, inspect and assess it, and report results yearly to the City Party Committee's Standing Board (through the Mass Mobilisation Commission) and to the City People's Committee (through the City Red Cross, which compiles for the whole city)."},
			{ID: "III.12.2", Text: "Tuyên truyền nâng cao nhận thức của cấp ủy, chính quyền về công tác nhân đạo và các hoạt động Chữ thập đỏ.",
				English: "Raise the awareness of Party committees and authorities of humanitarian work and Red Cross activity."},
			{ID: "III.12.3", Text: "Tạo điều kiện, đảm bảo kinh phí, cơ sở vật chất, trang thiết bị phục vụ hoạt động nhân đạo và công tác Hội Chữ thập đỏ địa phương.",
				English: "Provide conditions, funds, premises and equipment for humanitarian work and the local Red Cross."},
		}},
	}},
}

const title = "Triển khai thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 43-CT/TW của Ban Bí thư khóa X về “Tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam” trong tình hình mới"

var preamble = Clause{ID: "preamble", Text: "Thực hiện Kế hoạch số 140-KH/TU ngày 03/3/2023 của Thành ủy Hà Nội về thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư tiếp tục thực hiện Chỉ thị số 43-CT/TW của Ban Bí thư khóa X về “tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam” trong tình hình mới, UBND thành phố Hà Nội ban hành Kế hoạch triển khai thực hiện như sau:",
	English: "Pursuant to Plan 140-KH/TU of the City Party Committee (3 March 2023) on Conclusion 44-KL/TW, the Hanoi People's Committee issues this implementation plan."}

var closing = Clause{ID: "closing", Text: "Trên đây là Kế hoạch thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư tiếp tục thực hiện Chỉ thị số 43-CT/TW của Ban Bí thư khóa X về “Tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam” trên địa bàn thành phố Hà Nội trong tình hình mới. UBND Thành phố đề nghị Ủy ban mặt trận Tổ quốc Việt Nam thành phố Hà Nội, các tổ chức chính trị- xã hội, yêu cầu các sở, ban, ngành Thành phố, UBND quận, huyện, thị xã nghiêm túc triển khai thực hiện. Báo cáo kết quả thực hiện (qua Hội Chữ thập đỏ Thành phố) trước ngày 20/11 hàng năm để tổng hợp báo cáo Thành ủy, UBND Thành phố theo quy định./.",
	English: "All addressees carry out the plan and report their results through the City Red Cross before 20 November each year, for the compiled report to the City Party Committee and the City People's Committee."}

var recipients = []string{
	"Thành ủy Hà Nội",
	"Chủ tịch UBND Thành phố",
	"Các Phó Chủ tịch UBND Thành phố",
	"Hội Chữ thập đỏ Việt Nam",
	"Văn phòng Thành ủy",
	"UBMT Tổ quốc Việt Nam Thành phố HN",
	"Ban Dân vận Thành ủy",
	"Các Sở, ban, ngành, đoàn thể Thành phố",
	"UBND quận, huyện, thị xã",
	"Hội Chữ thập đỏ Thành phố",
	"Đài Phát thanh và Truyền hình Hà Nội",
	"Các Báo: Kinh tế và Đô thị; Hà Nội Mới",
	"VPUB: CVP, PCVP C.N.Trang, các phòng: NC, KGVX, TH",
	"Lưu: VT, NC",
}
