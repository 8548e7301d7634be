// The form's language from the page's query (?lang=en).
document.getElementById('f1').setAttribute('lang', new URLSearchParams(location.search).get('lang') || 'vi');
