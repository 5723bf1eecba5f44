// Material for MkDocs' first script (its partials/javascripts/base.html), from a file. Inline,
// it takes the site's root from the page; here from this file's own address, which is
// <root>/assets/javascripts/scope.js in every language's build.
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
