#!/usr/bin/env node
import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{b as r}from"./chunk-LXZQEYYI.mjs";import"./chunk-ZTYNM2PN.mjs";import"./chunk-DJRBDUCL.mjs";import"./chunk-BEXH7ZNN.mjs";import"./chunk-W7HUY7W7.mjs";import"./chunk-R36ZVCXV.mjs";import"./chunk-BMJBPZNS.mjs";import"./chunk-LO7F62B6.mjs";import"./chunk-YGHKEL3X.mjs";import"./chunk-NVSK3O3R.mjs";import"./chunk-5UAQYKQZ.mjs";import"./chunk-UQSPC3PE.mjs";import"./chunk-WBKESKJL.mjs";import"./chunk-GNRD5D6C.mjs";r(process.argv.slice(2));
