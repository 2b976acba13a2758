import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a}from"./chunk-R6RHP3Q4.mjs";import"./chunk-GNRD5D6C.mjs";export{a as parseTime};
