import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a,b}from"./chunk-3XUA6HX5.mjs";import"./chunk-Z64NWEGJ.mjs";import"./chunk-ILDJS536.mjs";import"./chunk-3CLXMXJH.mjs";import"./chunk-B5OTMH5O.mjs";import"./chunk-GNRD5D6C.mjs";export{b as codeclimate,a as reportPath};
