import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{f as a,g as b,h as c}from"./chunk-ERQHPYBI.mjs";import"./chunk-GNRD5D6C.mjs";export{a as parseConfig,c as parseLineRange,b as positionFromStarts};
