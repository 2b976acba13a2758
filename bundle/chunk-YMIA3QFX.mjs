import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
import{a,b}from"./chunk-HJYICADT.mjs";import"./chunk-GNRD5D6C.mjs";export{a as activeRules,b as validateRuleOptions};
