import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a,b}from"./chunk-4SO4VGBW.mjs";import"./chunk-UKTRY7F5.mjs";import"./chunk-CUS3UDZB.mjs";import"./chunk-B5OTMH5O.mjs";import"./chunk-3CLXMXJH.mjs";import"./chunk-GNRD5D6C.mjs";export{b as codeclimate,a as reportPath};
