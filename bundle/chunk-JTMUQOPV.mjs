import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunk-UHAVZMSR.mjs";import"./chunk-ERQHPYBI.mjs";import"./chunk-GNRD5D6C.mjs";export{b as configSet,a as loadSource,c as setOf};
