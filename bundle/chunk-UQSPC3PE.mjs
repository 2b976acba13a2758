import{createRequire as __hlCreateRequire}from'node:module';const require=__hlCreateRequire(import.meta.url);
var t=new URL("../",import.meta.url);export{t as a};
