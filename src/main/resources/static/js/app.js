// Sparkfeed's small enhancements. Every action works without this file; it only makes things smoother.
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    // A visitor's page names htmx instead of loading it: what uses it there ("More" as the reader scrolls, a
    // product's questions, "More comments") can wait until the page has loaded, and each of those links works
    // without it. Its download and start would otherwise compete with the first photo and the first render.
    // At "load" the document is complete, which htmx takes as its cue to start on the page at once.
    var lazyHtmx = document.currentScript && document.currentScript.getAttribute("data-htmx");
    if (lazyHtmx) {
        window.addEventListener("load", function () {
            if (window.htmx || !document.querySelector("[hx-get], [hx-post], [hx-trigger]")) { return; }
            var script = document.createElement("script");
            script.src = lazyHtmx;
            document.head.appendChild(script);
        });
    }

    // htmx sends the CSRF token with every request it makes
    document.addEventListener("htmx:configRequest", function (event) {
        var token = document.querySelector("meta[name=_csrf]");
        var header = document.querySelector("meta[name=_csrf_header]");
        if (token && header && token.content) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // Hotspots: placed from their data-x / data-y (fractions of the photo); a tap opens the product card.
    function placeHotspots(root) {
        root.querySelectorAll("[data-photo] .hotspot:not(.placed)").forEach(function (spot) {
            var x = parseFloat(spot.dataset.x), y = parseFloat(spot.dataset.y);
            if (isNaN(x) || isNaN(y)) { return; }
            spot.style.left = (x * 100) + "%";
            spot.style.top = (y * 100) + "%";
            spot.classList.add("placed");
        });
    }

    function closeCards(except) {
        document.querySelectorAll(".hotspot[aria-expanded=true]").forEach(function (spot) {
            if (spot === except) { return; }
            spot.setAttribute("aria-expanded", "false");
            var card = document.getElementById(spot.getAttribute("aria-controls"));
            if (card) { card.hidden = true; }
        });
    }

    document.addEventListener("click", function (event) {
        var spot = event.target.closest(".hotspot");
        if (!spot) {
            if (!event.target.closest(".hotspot-card")) { closeCards(null); }
            return;
        }
        event.preventDefault();
        var card = document.getElementById(spot.getAttribute("aria-controls"));
        var open = spot.getAttribute("aria-expanded") !== "true";
        closeCards(spot);
        spot.setAttribute("aria-expanded", open ? "true" : "false");
        if (!card) { return; }
        card.hidden = !open;
        if (open) {
            var x = parseFloat(spot.dataset.x), y = parseFloat(spot.dataset.y);
            // centred under the spot, but never past either edge of the photo (a phone's is barely wider than it)
            var width = spot.closest("[data-photo]").clientWidth;
            var left = Math.min(x * width - card.offsetWidth / 2, width - card.offsetWidth - 6);
            card.style.left = Math.max(6, left) + "px";
            card.style.right = "auto";
            card.style.top = y > 0.6 ? "auto" : "calc(" + (y * 100) + "% + 22px)";
            card.style.bottom = y > 0.6 ? "calc(" + ((1 - y) * 100) + "% + 22px)" : "auto";
        }
    });

    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            closeCards(null);
            document.querySelectorAll("details[data-menu][open]").forEach(function (menu) { menu.open = false; });
        }
    });

    // An open account menu closes when the reader clicks elsewhere.
    document.addEventListener("click", function (event) {
        document.querySelectorAll("details[data-menu][open]").forEach(function (menu) {
            if (!menu.contains(event.target)) { menu.open = false; }
        });
    });

    // Confirm before a destructive form is sent.
    document.addEventListener("submit", function (event) {
        var form = event.target.closest("form[data-confirm]");
        if (form && !window.confirm(form.dataset.confirmText || "?")) { event.preventDefault(); }
    });

    // The post form: preview the chosen photo, place the selected tag row's point by clicking it.
    function setUpPostForm(form) {
        var canvas = form.querySelector("[data-tag-canvas]");
        var image = form.querySelector("[data-tag-image]");
        var input = form.querySelector("[data-photo-input]");
        var rows = Array.prototype.slice.call(form.querySelectorAll("[data-tag-row]"));

        function rowOf(i) { return rows[i]; }
        function selected() {
            var radio = form.querySelector("[data-place]:checked");
            return radio ? parseInt(radio.value, 10) : 0;
        }
        function drawMarkers() {
            canvas.querySelectorAll(".tag-marker").forEach(function (m) { m.remove(); });
            rows.forEach(function (row, i) {
                var x = parseFloat(row.querySelector("[data-tag-x]").value);
                var y = parseFloat(row.querySelector("[data-tag-y]").value);
                if (isNaN(x) || isNaN(y) || !image) { return; }
                var marker = document.createElement("span");
                marker.className = "tag-marker";
                marker.textContent = String(i + 1);
                marker.style.left = (x * 100) + "%";
                marker.style.top = (y * 100) + "%";
                canvas.appendChild(marker);
            });
        }
        function showSpareRows() {
            var firstEmptyShown = false;
            rows.forEach(function (row) {
                var used = row.querySelector("[data-tag-product]").value !== "";
                if (used) { row.classList.remove("spare"); return; }
                row.classList.toggle("spare", firstEmptyShown);
                firstEmptyShown = true;
            });
        }

        if (input) {
            input.addEventListener("change", function () {
                var file = input.files && input.files[0];
                if (!file) { return; }
                if (!image) {
                    // a new post has no photo until one is chosen (an <img> without src is not valid HTML)
                    image = document.createElement("img");
                    image.alt = "";
                    image.setAttribute("data-tag-image", "");
                    canvas.insertBefore(image, canvas.firstChild);
                }
                image.src = URL.createObjectURL(file);
                drawMarkers();
            });
        }
        canvas.addEventListener("click", function (event) {
            if (!image || event.target !== image) { return; }
            var box = image.getBoundingClientRect();
            var x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
            var y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
            var i = selected();
            var row = rowOf(i);
            row.querySelector("[data-tag-x]").value = x.toFixed(4);
            row.querySelector("[data-tag-y]").value = y.toFixed(4);
            drawMarkers();
            var next = rows[i + 1];
            if (next && row.querySelector("[data-tag-product]").value !== "") {
                next.classList.remove("spare");
                next.querySelector("[data-place]").checked = true;
            }
        });
        rows.forEach(function (row) {
            row.querySelector("[data-tag-product]").addEventListener("change", function () {
                row.querySelector("[data-place]").checked = true;
                showSpareRows();
            });
            row.querySelectorAll("[data-tag-x],[data-tag-y]").forEach(function (field) {
                field.addEventListener("input", drawMarkers);
            });
        });
        showSpareRows();
        if (!image || image.complete) { drawMarkers(); } else { image.addEventListener("load", drawMarkers); }
    }

    function init(root) {
        placeHotspots(root);
        root.querySelectorAll("[data-post-form]").forEach(setUpPostForm);
    }

    document.addEventListener("DOMContentLoaded", function () { init(document); });
    document.addEventListener("htmx:afterSettle", function () { placeHotspots(document); });
})();
