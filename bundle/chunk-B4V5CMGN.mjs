import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{c as a}from"./chunk-DPJQWCG6.mjs";import"./chunk-GNRD5D6C.mjs";export{a as parseConfig};
