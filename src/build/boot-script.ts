// The boot hint's script (boot-hints.ts puts it into index.html): its own module, free of imports, so
// that the Content-Security-Policy (csp.ts) can allow it by its hash wherever the policy is made.

/** The id of the data block the boot script reads. */
export const BOOT_DATA_ID = 'mot-boot';
/** The saved preferences' key (prefs-store.ts; its test checks the two agree). */
export const PREFS_KEY = 'mot:prefs';

/**
 * The inline script, ES5 and without a build step (it runs before anything else, on any browser the
 * page may open in, and fails quietly: the app then loads as it would without it). Its text is fixed:
 * csp.ts allows it by its sha256. `d` is the data block (BootData in boot-hints.ts); the locale
 * rule is detectLocale's, the scenario locale order scenarioLocaleOrder's (i18n-shell.ts):
 * boot-hints.test.ts runs it against both.
 */
export const BOOT_SCRIPT = `(function(){try{var d=JSON.parse(document.getElementById('${BOOT_DATA_ID}').textContent),l,i,x,f,h=function(f,r,a,p){if(f){var k=document.createElement('link');k.rel=r;if(a)k.as=a;if(a!='image')k.crossOrigin='';if(!p)k.fetchPriority='low';k.href='./'+f;document.head.appendChild(k)}},j=function(f,p){h(f&&'assets/'+f+'.js','modulepreload',0,p)};try{l=JSON.parse(localStorage.getItem('${PREFS_KEY}')).state.locale}catch(e){}if(!d.w[l]){x=/(?:^|,)(zh|en)([^,]*)/.exec(String(navigator.languages||navigator.language).toLowerCase());l=!x||x[1]=='en'?'en':/^-(tw|hk|mo|hant)/.test(x[2])?'zh-TW':'zh-CN'}j(d.w[l],1);x=location.hash.replace(/^#/,'');if(x&&x!='/')j(d.r,1);x=/^#\\/play\\/([^\\/?#]+)\\/?$/.exec(location.hash);if(!x)return;j(d.u[l]);for(i in d.p)j(d.p[i]);for(i in d.c)h('assets/'+d.c[i]+'.css','preload','style');x=d.s[decodeURIComponent(x[1])];if(!x)return;l=l=='en'?['en','zh-CN','zh-TW']:l=='zh-TW'?['zh-TW','zh-CN','en']:['zh-CN','zh-TW','en'];f=x[l[0]]||x[l[1]]||x[l[2]];if(!f)for(i in x){f=x[i];break}j(f[0]);h(f[1],'preload','image')}catch(e){}})()`;
