import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a,b}from"./chunk-4BC2WCHK.mjs";import"./chunk-UOOUMJ2Z.mjs";import"./chunk-S44J3KMC.mjs";import"./chunk-3CLXMXJH.mjs";import"./chunk-GNRD5D6C.mjs";export{b as codeclimate,a as reportPath};
