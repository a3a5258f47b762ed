// Enhances the server-rendered pages; every page works without it.
import { initAll } from "../lib/govuk-frontend.min.js";
import { enhanceTables } from "../lib/table-regions.mjs";
initAll();
enhanceTables();
