import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{c as a,d as b}from"./chunk-ILDJS536.mjs";import"./chunk-3CLXMXJH.mjs";import"./chunk-B5OTMH5O.mjs";import"./chunk-GNRD5D6C.mjs";export{b as lineStartsOf,a as stylish};
