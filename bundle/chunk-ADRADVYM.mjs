import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a,b}from"./chunk-UALPW3T2.mjs";import"./chunk-GNRD5D6C.mjs";export{b as checkstyle,a as escapeXml};
