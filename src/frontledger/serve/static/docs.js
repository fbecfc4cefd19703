"use strict";
// The OpenAPI docs, from the installed swagger-ui-bundle (no CDN).
window.addEventListener("DOMContentLoaded", function () {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
});
