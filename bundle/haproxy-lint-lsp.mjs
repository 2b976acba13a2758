#!/usr/bin/env node
import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{b as r}from"./chunk-XRW2YHTU.mjs";import"./chunk-6T5E7QNU.mjs";import"./chunk-5GGZRM7P.mjs";import"./chunk-OWPGA6CL.mjs";import"./chunk-BMJBPZNS.mjs";import"./chunk-JQ5F7XJK.mjs";import"./chunk-P7YH7HSL.mjs";import"./chunk-NVSK3O3R.mjs";import"./chunk-HJYICADT.mjs";import"./chunk-5UAQYKQZ.mjs";import"./chunk-UQSPC3PE.mjs";import"./chunk-GNRD5D6C.mjs";r(process.argv.slice(2));
