// Enhances the server-rendered pages; every page works without it.
import { initAll } from "../lib/govuk-frontend.min.js";
initAll();

// A table wider than the screen scrolls in a region of its own instead of the page (WCAG 1.4.10 reflow), named by
// its caption; the region takes keyboard focus only while it has something to scroll.
const regions = [];
for (const table of document.querySelectorAll("main table.govuk-table")) {
  let region = table.closest(".app-table-scroll, .qa-scroll");
  if (!region) {
    region = document.createElement("div");
    region.className = "app-table-scroll";
    region.setAttribute("role", "region");
    region.setAttribute("aria-label", table.caption?.textContent.trim() || "Table");
    table.replaceWith(region);
    region.append(table);
  }
  regions.push(region);
}
const focusableWhenScrolling = () => {
  for (const region of regions) {
    if (region.scrollWidth > region.clientWidth) region.setAttribute("tabindex", "0");
    else if (region !== document.activeElement) region.removeAttribute("tabindex");
  }
};
focusableWhenScrolling();
addEventListener("resize", focusableWhenScrolling);
