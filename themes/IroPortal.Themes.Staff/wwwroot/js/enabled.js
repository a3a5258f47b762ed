// Runs at the top of <body>, before the page is drawn, so govuk-frontend's JavaScript-only styles apply at once.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) document.body.classList.add("govuk-frontend-supported");
