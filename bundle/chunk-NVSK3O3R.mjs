import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
var e=["2.6","2.8","3.0","3.2","3.4"],t="3.2";export{e as a,t as b};
