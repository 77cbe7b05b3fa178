// Sparkfeed's small enhancements. Every action works without this file; it only makes things smoother.
(function () {
    "use strict";

    // htmx sends the CSRF token with every request it makes
    document.addEventListener("htmx:configRequest", function (event) {
        var token = document.querySelector("meta[name=_csrf]");
        var header = document.querySelector("meta[name=_csrf_header]");
        if (token && header && token.content) {
            event.detail.headers[header.content] = token.content;
        }
    });
})();
