import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-3DYLETZ4.mjs";import"./chunk-GNRD5D6C.mjs";export{a as escapeData,b as escapeProperty,c as github};
