/** The demo page's icon: a speech bubble, small enough to inline, served as `/favicon.ico`. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
<rect x="2" y="3" width="28" height="20" rx="6" fill="#4f46e5"/>\
<path d="M9 22v7l7-7z" fill="#4f46e5"/>\
<circle cx="10" cy="13" r="2.2" fill="#fff"/><circle cx="16" cy="13" r="2.2" fill="#fff"/>\
<circle cx="22" cy="13" r="2.2" fill="#fff"/></svg>`;
