// Hostile-input corpus: HTML/script injection payloads and layout breakers.
//
// What it is for: feeding every place where text from another participant ends up in the page
// (formatted_body through the HTML sanitiser, display names, room names and topics, file names,
// spoiler reasons, link previews...) with input written to run script or to wreck the layout,
// in unit tests (jsdom) and end-to-end tests (a real browser).
//
// The tripwire contract: every payload in XSS_PAYLOADS is built so that, if any part of it ever
// runs as script in the page, it calls `window.__tripwire('<id>')` with its own id (through
// `parent.window` when it would run in a nested same-origin frame). A test installs
// `window.__tripwire` as a recorder, renders the payload, pokes every element (click, focus,
// hover, toggle, error, load...) and asserts the recorder was never called; the id says which
// payload got through. Payloads whose call is entity-, escape- or base64-encoded still decode to
// that same call. Payloads that cannot run script by themselves (DOM clobbering, plain text for
// names) also carry a call, so any view that turns them into live markup or code trips it.
//
// Sources: the payload shapes follow the OWASP XSS Filter Evasion Cheat Sheet, PortSwigger's XSS
// cheat sheet and published mutation-XSS (mXSS) research on DOMPurify and browser parsers; they
// were written for this corpus, not copied from those pages.
//
// LAYOUT_BREAKERS holds script-free text that tries to break layout instead: unbreakable
// runs, bidi overrides, stacked combining marks, invisible characters, floods of newlines and
// tabs, lone surrogates and very wide glyphs. Views must keep them inside their box.

export interface XssPayload {
  readonly id: string;
  readonly payload: string;
}

export interface LayoutBreaker {
  readonly id: string;
  readonly text: string;
}

// --- encoders used to build the evasive variants -------------------------------------------------

const codePoints = (text: string): number[] => Array.from(text, (char) => char.codePointAt(0) ?? 0);
/** `&#106;&#97;...` */
const decimalEntities = (text: string): string => codePoints(text).map((code) => `&#${code};`).join('');
/** `&#0000106&#0000097...` (zero padded, no semicolons) */
const paddedEntities = (text: string): string => codePoints(text).map((code) => `&#${String(code).padStart(7, '0')}`).join('');
/** `&#x6a;&#x61;...` */
const hexEntities = (text: string): string => codePoints(text).map((code) => `&#x${code.toString(16)};`).join('');
/** `&#x6A&#x61...` (upper case, no semicolons) */
const hexEntitiesNoSemicolon = (text: string): string =>
  codePoints(text).map((code) => `&#x${code.toString(16).toUpperCase()}`).join('');
/** `%6A%61...` */
const percentEncoded = (text: string): string =>
  codePoints(text).map((code) => `%${code.toString(16).toUpperCase().padStart(2, '0')}`).join('');
/** JavaScript identifier escapes: `\u0077\u0069...` */
const jsIdentifierEscapes = (text: string): string =>
  codePoints(text).map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('');
const base64 = (text: string): string => btoa(text);

// --- the call every payload makes ----------------------------------------------------------------

/** `window.__tripwire('id')` */
const call = (id: string): string => `window.__tripwire('${id}')`;
/** Same call without any quote character, for unquoted or quote-hostile contexts. */
const quoteless = (id: string): string => `window.__tripwire(/${id}/.source)`;
/** Same call with the identifiers written as JavaScript unicode escapes. */
const escapedCall = (id: string): string =>
  `${jsIdentifierEscapes('window')}.${jsIdentifierEscapes('__tripwire')}('${id}')`;
/** Same call for code running in a same-origin child frame. */
const parentCall = (id: string): string => `parent.window.__tripwire('${id}')`;
const scriptDocument = (id: string): string => `<script>${parentCall(id)}</script>`;

type Builder = (c: string, id: string) => string;
const payloads: XssPayload[] = [];
const add = (id: string, build: Builder): void => {
  payloads.push(Object.freeze({ id, payload: build(call(id), id) }));
};

// --- script elements: casing, spacing, splitting, encodings --------------------------------------

add('script-basic', (c) => `<script>${c}</script>`);
add('script-upper', (c) => `<SCRIPT>${c}</SCRIPT>`);
add('script-mixed-case', (c) => `<ScRiPt>${c}</sCrIpT>`);
add('script-type-module', (c) => `<script type="module">${c}</script>`);
add('script-slash-attr', (c) => `<script/xss>${c}</script>`);
add('script-newline-in-tag', (c) => `<script\n>${c}</script\n>`);
add('script-tab-in-tag', (c) => `<script\ttype="text/javascript">${c}</script\t>`);
add('script-unclosed', (c) => `<p>hello</p><script>${c}`);
add('script-in-allowed-p', (c) => `<p>a<b><script>${c}</script>b</b></p>`);
add('script-nested-split', (c) => `<scr<script>ipt>${c}</scr</script>ipt>`);
add('script-double-lt', (c) => `<<script>${c};//<</script>`);
add('script-src-data', (c) => `<script src="data:text/javascript,${encodeURIComponent(c)}"></script>`);
add('script-src-data-b64', (c) => `<script src="data:text/javascript;base64,${base64(c)}"></script>`);
add('script-unicode-escapes', (_, id) => `<script>${escapedCall(id)}</script>`);
add('script-hex-eval', (_, id) => `<script>eval('\\x77indow.__tripwire(\\x27${id}\\x27)')</script>`);
add('script-fromcharcode', (c) => `<script>eval(String.fromCharCode(${codePoints(c).join(',')}))</script>`);
add('script-atob', (c) => `<script>eval(atob('${base64(c)}'))</script>`);
add('script-entity-escaped', (c) => `&lt;script&gt;${c}&lt;/script&gt;`);
add('script-double-escaped', (c) => `&amp;lt;script&amp;gt;${c}&amp;lt;/script&amp;gt;`);
add('script-null-in-name', (c) => `<scr\u0000ipt>${c}</scr\u0000ipt>`);
add('script-null-before', (c) => `\u0000<script>${c}</script>`);
add('script-long-s', (c) => `<\u017Fcript>${c}</\u017Fcript>`);
add('script-fullwidth', (c) => `\uFF1Cscript\uFF1E${c}\uFF1C/script\uFF1E`);
add('script-namespace-prefix', (c) => `<xss:script xmlns:xss="http://www.w3.org/1999/xhtml">${c}</xss:script>`);
add('script-utf7', (_, id) => `<meta charset="utf-7">+ADw-script+AD4-window.__tripwire(+ACc-${id}+ACc-)+ADw-/script+AD4-`);
add('script-overlong-utf8', (c) => `%C0%BCscript%C0%BE${c}%C0%BC/script%C0%BE`);
add('svg-script', (c) => `<svg><script>${c}</script></svg>`);
add('svg-script-entities', (_, id) => `<svg><script>window.__tripwire&#40;&#39;${id}&#39;&#41;</script></svg>`);
add('svg-script-href-data', (c) => `<svg><script href="data:text/javascript,${encodeURIComponent(c)}"/></svg>`);
add('svg-script-xlink-href', (c) => `<svg><script xlink:href="data:,${encodeURIComponent(c)}"></script></svg>`);

// --- comments, CDATA, processing instructions ----------------------------------------------------

add('comment-empty-close', (c) => `<!--><script>${c}</script>-->`);
add('comment-bang-close', (_, id) => `<!-- --!><img src=x onerror=${quoteless(id)}> -->`);
add('comment-in-attribute', (_, id) => `<!--<img src="--><img src=x onerror=${quoteless(id)}//">`);
add('comment-conditional-ie', (c) => `<!--[if gte IE 4]><script>${c}</script><![endif]-->`);
add('cdata-html', (c) => `<![CDATA[<script>${c}</script>]]>`);
add('cdata-svg-breakout', (_, id) => `<svg><![CDATA[><img src=x onerror=${quoteless(id)}>]]></svg>`);
add('cdata-svg-close', (_, id) => `<svg><![CDATA[</svg><img src=x onerror=${quoteless(id)}>]]>`);
add('processing-instruction', (_, id) => `<?xml version="1.0"?><? foo="><img src=x onerror=${quoteless(id)}>">`);

// --- event handlers on elements outside the allow-list -------------------------------------------

add('img-onerror', (c) => `<img src=x onerror="${c}">`);
add('img-onerror-backtick-arg', (_, id) => `<img src=x onerror=window.__tripwire(\`${id}\`)>`);
add('img-onerror-slashes', (c) => `<img/src="x"/onerror="${c}">`);
add('img-onerror-newlines', (c) => `<img\nsrc=x\nonerror\n=\n"${c}"\n>`);
add('img-onerror-upper', (c) => `<IMG SRC=x ONERROR="${c}">`);
add('img-onerror-dec-entities', (c) => `<img src=x onerror="${decimalEntities(c)}">`);
add('img-onerror-hex-entities', (c) => `<img src=x onerror="${hexEntities(c)}">`);
add('img-onerror-js-escapes', (_, id) => `<img src=x onerror="${escapedCall(id)}">`);
add('img-onerror-atob', (c) => `<img src=x onerror="eval(atob('${base64(c)}'))">`);
add('img-onerror-location', (c) => `<img src=x onerror="location='javascript:${percentEncoded(c)}'">`);
add('img-onerror-null', (c) => `<img src=x o\u0000nerror="${c}">`);
add('img-onerror-line-separator', (c) => `<img src=x onerror=\u2028"${c}">`);
add('img-onload-data-gif', (c) => `<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" onload="${c}">`);
add('img-src-javascript', (c) => `<img src="javascript:${c}">`);
add('img-dynsrc-lowsrc', (c) => `<img dynsrc="javascript:${c}" lowsrc="javascript:${c}">`);
add('img-triple-quote', (c) => `<img """><script>${c}</script>">`);
add('img-alt-markup', (_, id) => `<img src=x alt="&lt;img src=x onerror=${quoteless(id)}&gt;">`);
add('img-alt-raw-markup', (_, id) => `<img src=x alt="<img src=x onerror=${quoteless(id)}>">`);
add('img-alt-quote-breakout', (_, id) => `<img src=x alt='"><img src=x onerror=${quoteless(id)}>'>`);
add('img-mxc-onerror', (c) => `<img src="mxc://example.org/abcdef" alt="pic" onerror="${c}">`);
add('img-emoticon-onload', (c) => `<img data-mx-emoticon src="mxc://example.org/emote" alt=":cat:" onload="${c}">`);
add('image-tag-alias', (c) => `<image src=x onerror="${c}">`);
add('image-dotless-i', (c) => `<\u0131mg src=x onerror="${c}">`);
add('picture-source-img', (c) => `<picture><source srcset="x"><img src=x onerror="${c}"></picture>`);
add('svg-onload', (c) => `<svg onload="${c}">`);
add('svg-onload-slash', (_, id) => `<svg/onload=${quoteless(id)}>`);
add('svg-onload-entity', (_, id) => `<svg onload="window.__tripwire(&#39;${id}&#39;)">`);
add('svg-onload-named-entities', (_, id) => `<svg onload=window.__tripwire&lpar;&apos;${id}&apos;&rpar;>`);
add('svg-long-s-onload', (c) => `<\u017Fvg onload="${c}">`);
add('svg-animate-onbegin', (c) => `<svg><animate onbegin="${c}" attributeName="x" dur="1s">`);
add('svg-set-onbegin', (c) => `<svg><set onbegin="${c}" attributeName="x" to="1">`);
add('svg-discard-onbegin', (c) => `<svg><discard onbegin="${c}">`);
add('svg-image-onerror', (c) => `<svg><image href="x" onerror="${c}"/></svg>`);
add('svg-foreignobject-img', (c) => `<svg><foreignObject><img src=x onerror="${c}"></foreignObject></svg>`);
add('body-onload', (c) => `<body onload="${c}">`);
add('body-onpageshow', (c) => `<body onpageshow="${c}">`);
add('frameset-onload', (c) => `<frameset onload="${c}">`);
add('iframe-onload', (c) => `<iframe onload="${c}"></iframe>`);
add('details-ontoggle', (c) => `<details open ontoggle="${c}"><summary>more</summary>x</details>`);
add('details-ontoggle-closed', (c) => `<details ontoggle="${c}"><summary>click me</summary>hidden</details>`);
add('video-onerror', (c) => `<video src=x onerror="${c}"></video>`);
add('video-source-onerror', (c) => `<video><source onerror="${c}"></video>`);
add('video-poster-javascript', (c) => `<video poster="javascript:${c}"></video>`);
add('audio-onerror', (c) => `<audio src=x onerror="${c}"></audio>`);
add('input-autofocus-onfocus', (c) => `<input autofocus onfocus="${c}">`);
add('input-onblur-race', (c) => `<input onblur="${c}" autofocus><input autofocus>`);
add('input-image-onerror', (c) => `<input type="image" src=x onerror="${c}">`);
add('select-autofocus', (c) => `<select autofocus onfocus="${c}"></select>`);
add('textarea-autofocus', (c) => `<textarea autofocus onfocus="${c}"></textarea>`);
add('keygen-kelvin-autofocus', (c) => `<\u212Aeygen autofocus onfocus="${c}">`);
add('marquee-onstart', (c) => `<marquee onstart="${c}">scrolling</marquee>`);
add('marquee-onfinish', (c) => `<marquee loop=1 width=0 onfinish="${c}">x</marquee>`);
add('object-onerror', (c) => `<object data="x" onerror="${c}"></object>`);
add('embed-onload', (c) => `<embed src="x" onload="${c}">`);
add('style-onload', (c) => `<style onload="${c}"></style>`);
add('link-onload', (c) => `<link rel="stylesheet" href="data:text/css," onload="${c}">`);
add('unknown-element-onclick', (c) => `<xss onclick="${c}">click me</xss>`);
add('custom-element-onclick', (c) => `<my-widget onclick="${c}">click me</my-widget>`);
add('contenteditable-onfocus', (c) => `<x contenteditable autofocus onfocus="${c}">edit</x>`);
add('popover-onbeforetoggle', (c) => `<button popovertarget="p">x</button><div popover id="p" onbeforetoggle="${c}">p</div>`);
add('animation-onanimationstart', (c) => `<style>@keyframes x{}</style><div style="animation-name:x" onanimationstart="${c}">x</div>`);
add('draggable-ondragstart', (c) => `<div draggable="true" ondragstart="${c}">drag</div>`);
add('isindex-onerror', (c) => `<isindex type="image" src="x" onerror="${c}">`);
add('bgsound-javascript', (c) => `<bgsound src="javascript:${c}">`);
add('layer-src', (c) => `<layer src="javascript:${c}"></layer>`);

// --- event handlers on elements inside the allow-list --------------------------------------------

add('a-onclick', (c) => `<a href="https://example.org" onclick="${c}">site</a>`);
add('a-onmouseover-no-href', (c) => `<a onmouseover="${c}">hover</a>`);
add('p-onclick', (c) => `<p onclick="${c}">paragraph</p>`);
add('div-onmouseover', (c) => `<div onmouseover="${c}">hover</div>`);
add('div-tabindex-onfocus', (c) => `<div tabindex="0" id="f" onfocus="${c}">focus</div>`);
add('div-onpointerover', (c) => `<div onpointerover="${c}">pointer</div>`);
add('b-onclick-upper', (c) => `<b ONCLICK="${c}">bold</b>`);
add('h1-onclick', (c) => `<h1 onclick="${c}">title</h1>`);
add('blockquote-onmouseenter', (c) => `<blockquote onmouseenter="${c}">quote</blockquote>`);
add('li-onfocusin', (c) => `<ul><li tabindex="0" onfocusin="${c}">item</li></ul>`);
add('table-onmouseover', (c) => `<table onmouseover="${c}"><tr><td>cell</td></tr></table>`);
add('td-onclick', (c) => `<table><tr><td onclick="${c}">cell</td></tr></table>`);
add('summary-onclick', (c) => `<details><summary onclick="${c}">more</summary>x</details>`);
add('hr-onmouseover', (c) => `<hr onmouseover="${c}">`);
add('pre-onclick', (c) => `<pre onclick="${c}">code</pre>`);
add('del-onfocus', (c) => `<del tabindex="0" onfocus="${c}">old</del>`);
add('sup-onerror', (c) => `<sup onerror="${c}">1</sup>`);
add('span-onload', (c) => `<span onload="${c}">x</span>`);
add('attrs-no-space', (c) => `<a href="https://example.org"onclick="${c}">site</a>`);
add('attrs-slash-separator', (_, id) => `<b/onclick=${quoteless(id)}>bold</b>`);

// --- URLs: javascript:, vbscript:, data: with every obfuscation --------------------------------

add('a-javascript', (c) => `<a href="javascript:${c}">click</a>`);
add('a-javascript-mixed-case', (c) => `<a href="JaVaScRiPt:${c}">click</a>`);
add('a-javascript-tab', (c) => `<a href="jav\tascript:${c}">click</a>`);
add('a-javascript-newline', (c) => `<a href="jav\nascript:${c}">click</a>`);
add('a-javascript-cr', (c) => `<a href="java\rscript:${c}">click</a>`);
add('a-javascript-null', (c) => `<a href="java\u0000script:${c}">click</a>`);
add('a-javascript-entity-tab', (c) => `<a href="jav&#x09;ascript:${c}">click</a>`);
add('a-javascript-entity-newline', (c) => `<a href="jav&#x0A;ascript:${c}">click</a>`);
add('a-javascript-named-entities', (c) => `<a href="java&Tab;script&colon;${c}">click</a>`);
add('a-javascript-leading-controls', (c) => `<a href="&#x01;&#x14; \u0001javascript:${c}">click</a>`);
add('a-javascript-leading-space-entities', (c) => `<a href="&#x20;&#x0D;&#x0A; JaVa&#x0D;ScRiPt&#x3A;${c}">click</a>`);
add('a-javascript-dec-entities', (c) => `<a href="${decimalEntities(`javascript:${c}`)}">click</a>`);
add('a-javascript-padded-entities', (c) => `<a href="${paddedEntities(`javascript:${c}`)}">click</a>`);
add('a-javascript-hex-entities', (c) => `<a href="${hexEntities(`javascript:${c}`)}">click</a>`);
add('a-javascript-hex-no-semicolon', (c) => `<a href="${hexEntitiesNoSemicolon(`javascript:${c}`)}">click</a>`);
add('a-javascript-partial-entity', (c) => `<a href="&#106avas&#99;ript&#58;${c}">click</a>`);
add('a-javascript-colon-entity', (c) => `<a href="javascript&#x3a;${c}">click</a>`);
add('a-javascript-percent-body', (c) => `<a href="javascript:${percentEncoded(c)}">click</a>`);
add('a-javascript-comment-newline', (c) => `<a href="javascript://%0A${encodeURIComponent(c)}">click</a>`);
add('a-javascript-unquoted', (_, id) => `<a href=javascript:${quoteless(id)}>click</a>`);
add('a-javascript-backtick-quoted', (c) => `<a href=\`javascript:${c}\`>click</a>`);
add('a-javascript-single-quoted', (_, id) => `<a href='javascript:window.__tripwire("${id}")'>click</a>`);
add('a-javascript-duplicate-href', (c) => `<a href="https://example.org" href="javascript:${c}">click</a>`);
add('a-javascript-nested-links', (c) => `<a href="https://example.org"><a href="javascript:${c}">click</a></a>`);
add('a-vbscript', (_, id) => `<a href="vbscript:window.execScript(&quot;${call(id)}&quot;,&quot;javascript&quot;)">click</a>`);
add('a-vbscript-mixed-case', (_, id) => `<a href="VbScRiPt:window.execScript(&quot;${call(id)}&quot;,&quot;javascript&quot;)">click</a>`);
add('a-data-html', (_, id) => `<a href="data:text/html,${encodeURIComponent(scriptDocument(id))}">click</a>`);
add('a-data-html-base64', (_, id) => `<a href="data:text/html;base64,${base64(scriptDocument(id))}">click</a>`);
add('a-data-svg', (_, id) => `<a href="data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" onload="${parentCall(id)}"/>`)}">click</a>`);
add('a-data-mixed-case-spaced', (_, id) => `<a href=" DaTa:text/html;base64,${base64(scriptDocument(id))}">click</a>`);
add('a-xlink-href-html', (c) => `<a xlink:href="javascript:${c}">click</a>`);
add('a-target-self-javascript', (c) => `<a href="javascript:${c}" target="_self">click</a>`);
add('a-target-javascript', (c) => `<a href="https://example.org" target="javascript:${c}">click</a>`);
add('a-formaction', (c) => `<a href="https://example.org" formaction="javascript:${c}">click</a>`);
add('a-matrix-scheme-javascript', (c) => `<a href="matrix:javascript:${c}">click</a>`);
add('area-javascript', (c) => `<map name="m"><area shape="rect" coords="0,0,100,100" href="javascript:${c}"></map><img usemap="#m" src="x">`);
add('iframe-src-javascript', (c) => `<iframe src="javascript:${c}"></iframe>`);
add('iframe-src-data', (_, id) => `<iframe src="data:text/html;base64,${base64(scriptDocument(id))}"></iframe>`);
add('iframe-srcdoc', (_, id) => `<iframe srcdoc="&lt;script&gt;${parentCall(id)}&lt;/script&gt;"></iframe>`);
add('iframe-srcdoc-img', (_, id) => `<iframe srcdoc="<img src=x onerror=${parentCall(id).replace(/'/g, '&#39;')}>"></iframe>`);
add('frameset-frame-javascript', (c) => `<frameset><frame src="javascript:${c}"></frameset>`);
add('object-data-javascript', (c) => `<object data="javascript:${c}"></object>`);
add('object-data-html', (_, id) => `<object data="data:text/html;base64,${base64(scriptDocument(id))}"></object>`);
add('object-param-movie', (c) => `<object><param name="movie" value="javascript:${c}"></object>`);
add('embed-src-data-html', (_, id) => `<embed src="data:text/html;base64,${base64(scriptDocument(id))}">`);
add('embed-src-javascript', (c) => `<embed src="javascript:${c}">`);
add('applet-code', (c) => `<applet code="javascript:${c}"></applet>`);
add('form-action-javascript', (c) => `<form action="javascript:${c}"><input type="submit" value="go"></form>`);
add('form-button-formaction', (c) => `<form><button formaction="javascript:${c}">go</button></form>`);
add('button-formaction-no-form', (c) => `<button form="f" formaction="javascript:${c}">go</button>`);
add('input-formaction', (c) => `<form><input type="submit" formaction="javascript:${c}" value="go"></form>`);
add('isindex-action', (c) => `<isindex action="javascript:${c}" type="submit">`);
add('svg-a-xlink-href', (c) => `<svg><a xlink:href="javascript:${c}"><text x="20" y="20">click</text></a></svg>`);
add('svg-a-href', (c) => `<svg><a href="javascript:${c}"><rect width="100" height="100"/></a></svg>`);
add('svg-set-href', (c) => `<svg><a><set attributeName="href" to="javascript:${c}"/><text y="20">click</text></a></svg>`);
add('svg-animate-href-values', (c) => `<svg><a><animate attributeName="href" values="javascript:${c}"/><text y="20">click</text></a></svg>`);
add('svg-use-data', (_, id) => `<svg><use href="data:image/svg+xml;base64,${base64(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="x" onerror="${parentCall(id)}"/></svg>`)}#x"/></svg>`);
add('math-href', (c) => `<math href="javascript:${c}">click</math>`);
add('math-maction-xlink', (c) => `<math><maction actiontype="statusline" xlink:href="javascript:${c}">click</maction></math>`);
add('math-a-xlink', (c) => `<math><a xlink:href="javascript:${c}">click</a></math>`);
add('polyglot-0xsobky', (_, id) =>
  'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=' + quoteless(id) +
  ' )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=' + quoteless(id) + '//>\\x3e');
add('polyglot-javascript-closers', (_, id) =>
  `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${quoteless(id)}//'>`);

// --- <base>, <meta>, <link> ---------------------------------------------------------------------

add('base-href-javascript', (c) => `<base href="javascript:${c}//"><a href="/relative">click</a>`);
add('base-href-data', (_, id) => `<base href="data:text/html;base64,${base64(scriptDocument(id))}"><a href="x">click</a>`);
add('meta-refresh-javascript', (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">`);
add('meta-refresh-data', (_, id) => `<meta http-equiv="refresh" content="0;url=data:text/html;base64,${base64(scriptDocument(id))}">`);
add('meta-refresh-double-url', (c) => `<meta http-equiv="refresh" content="0; URL=https://;URL=javascript:${c};">`);
add('link-import-data', (_, id) => `<link rel="import" href="data:text/html;base64,${base64(scriptDocument(id))}">`);
add('link-stylesheet-javascript', (c) => `<link rel="stylesheet" href="javascript:${c}">`);

// --- CSS ----------------------------------------------------------------------------------------

add('style-attr-expression', (c) => `<div style="width: expression(${c})">x</div>`);
add('style-attr-expression-comment', (c) => `<div style="xss:expr/*x*/ession(${c})">x</div>`);
add('style-attr-expression-escaped', (c) => `<p style="x:\\65 xpression(${c})">x</p>`);
add('style-attr-url-javascript', (c) => `<div style="background-image: url(javascript:${c})">x</div>`);
add('style-attr-url-entity-quoted', (c) => `<span style="background:url(&quot;javascript:${c}&quot;)">x</span>`);
add('style-attr-behavior', (c) => `<div style="behavior: url(javascript:${c})">x</div>`);
add('style-attr-moz-binding', (_, id) =>
  `<div style="-moz-binding:url('data:text/xml,<bindings xmlns=&quot;http://www.mozilla.org/xbl&quot;><binding id=&quot;x&quot;><implementation><constructor>${quoteless(id)}</constructor></implementation></binding></bindings>#x')">x</div>`);
add('style-attr-animation-handler', (c) => `<b style="animation:spin 1s" onanimationend="${c}">x</b>`);
add('style-import-javascript', (_, id) => `<style>@import 'javascript:window.__tripwire("${id}")';</style>`);
add('style-import-data', (c) => `<style>@import url("data:text/css,*{background:url(javascript:${encodeURIComponent(c)})}");</style>`);
add('style-import-escaped', (_, id) => `<style>@\\69mport 'javascript:window.__tripwire("${id}")';</style>`);
add('style-url-javascript', (_, id) => `<style>li{list-style-image:url("javascript:window.__tripwire('${id}')")}</style><ul><li>x</li></ul>`);
add('style-expression', (c) => `<style>p{width:expression(${c})}</style><p>x</p>`);
add('style-close-breakout', (_, id) => `<style><img src="</style><img src=x onerror=${quoteless(id)}>"></style>`);
add('table-background-javascript', (c) => `<table background="javascript:${c}"><tr><td background="javascript:${c}">x</td></tr></table>`);

// --- mutation XSS: raw-text elements and namespace confusion --------------------------------------

add('mxss-noscript-title', (_, id) => `<noscript><p title="</noscript><img src=x onerror=${quoteless(id)}>"></noscript>`);
add('mxss-noembed-title', (_, id) => `<noembed><img title="</noembed><img src=x onerror=${quoteless(id)}>"></noembed>`);
add('mxss-noframes-title', (_, id) => `<noframes><p title="</noframes><img src=x onerror=${quoteless(id)}>"></noframes>`);
add('mxss-textarea-title', (_, id) => `<textarea><img title="</textarea><img src=x onerror=${quoteless(id)}>"></textarea>`);
add('mxss-title-title', (_, id) => `<title><img title="</title><img src=x onerror=${quoteless(id)}>"></title>`);
add('mxss-xmp-title', (_, id) => `<xmp><p title="</xmp><img src=x onerror=${quoteless(id)}>"></xmp>`);
add('mxss-iframe-text', (_, id) => `<iframe><img title="</iframe><img src=x onerror=${quoteless(id)}>"></iframe>`);
add('mxss-plaintext', (c) => `<plaintext><img src=x onerror="${c}">`);
add('mxss-listing-entities', (_, id) => `<listing>&lt;img src=x onerror=${quoteless(id)}&gt;</listing>`);
add('mxss-template-img', (c) => `<template><img src=x onerror="${c}"></template>`);
add('mxss-template-script', (c) => `<template><script>${c}</script></template>`);
add('mxss-template-style', (_, id) => `<template><style></template><img src=x onerror=${quoteless(id)}></style></template>`);
add('mxss-select-template', (_, id) => `<select><template><style><!--</style><a rel="--></template></select><img src=x onerror=${quoteless(id)}>">`);
add('mxss-style-comment', (_, id) => `<div><style><!--</style><img src=x onerror=${quoteless(id)}>--></style></div>`);
add('mxss-svg-style-img', (c) => `<svg><style><img src=x onerror="${c}"></style></svg>`);
add('mxss-svg-p-style', (_, id) => `<svg></p><style><a id="</style><img src=1 onerror=${quoteless(id)}>">`);
add('mxss-svg-title-style', (_, id) => `<svg><title><style><img src=x onerror=${quoteless(id)}></style></title></svg>`);
add('mxss-svg-desc-style', (_, id) => `<svg><desc><style><a title="</style><img src=x onerror=${quoteless(id)}>"></style></desc></svg>`);
add('mxss-math-style', (c) => `<math><style><img src=x onerror="${c}"></style></math>`);
add('mxss-math-mglyph-style', (_, id) =>
  `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${quoteless(id)}&gt;">`);
add('mxss-form-math-mglyph', (_, id) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${quoteless(id)}>`);
add('mxss-form-math-svg-path', (_, id) =>
  `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=${quoteless(id)} src>">`);
add('mxss-math-annotation-xml', (c) => `<math><annotation-xml encoding="text/html"><img src=x onerror="${c}"></annotation-xml></math>`);
add('mxss-math-annotation-style', (_, id) =>
  `<math><annotation-xml encoding="text/html"><style><img src=x onerror=${quoteless(id)}></style></annotation-xml></math>`);
add('mxss-table-foster', (c) => `<table><tr><td>x</td></tr><img src=x onerror="${c}"></table>`);
add('mxss-table-style-foster', (_, id) => `<table><style><img src=x onerror=${quoteless(id)}></style><tr><td>x</td></tr></table>`);
add('mxss-a-in-a-attr', (_, id) => `<a href="https://example.org" title="<a href='javascript:${quoteless(id)}'>x</a>">site</a>`);
add('mxss-deep-nesting-svg', (_, id) => `${'<div>'.repeat(520)}<svg><p><style><img src=x onerror=${quoteless(id)}>${'</div>'.repeat(520)}`);
add('mxss-deep-nesting-flatten', (_, id) =>
  `${'<b>'.repeat(110)}&lt;img src=x onerror=${quoteless(id)}&gt;${'</b>'.repeat(110)}`);
add('mxss-deep-nesting-img', (c) => `${'<blockquote>'.repeat(150)}<img src=x onerror="${c}">${'</blockquote>'.repeat(150)}`);

// --- DOM clobbering -----------------------------------------------------------------------------

add('clobber-form-attributes', (c) => `<form id="f" tabindex="0" onfocus="${c}"><input id="attributes"><input name="nodeName"></form>`);
add('clobber-img-name', (c) => `<img name="getElementById" src=x onerror="${c}"><img name="cookie">`);
add('clobber-a-config', (c) => `<a id="config"></a><a id="config" name="url" href="javascript:${c}">x</a>`);
add('clobber-tripwire-itself', (c) => `<img name="__tripwire"><form id="__tripwire"></form><a id="x" onclick="${c}">x</a>`);
add('clobber-document-body', (c) => `<form name="body"><img name="innerHTML" src=x onerror="${c}"></form>`);
add('clobber-default-view', (c) => `<a id="defaultView"></a><a id="defaultView" name="location" href="javascript:${c}">x</a>`);
add('clobber-allowed-id-name', (c) => `<p id="sanitize" name="purify"><a name="location" href="javascript:${c}">x</a></p>`);

// --- unclosed tags, broken quoting, backticks ---------------------------------------------------

add('unclosed-img-tag', (_, id) => `<b>a</b><img src=x onerror=${quoteless(id)} <b>b</b>`);
add('unclosed-attr-quote', (c) => `<img src="x onerror="${c}" <b>x</b>`);
add('attr-named-lt-img', (_, id) => `<div <img src=x onerror=${quoteless(id)}>>x</div>`);
add('double-lt-img', (_, id) => `<<img src=x onerror=${quoteless(id)}>>`);
add('quote-break-title', (_, id) => `<a href="https://example.org" title="\\"><img src=x onerror=${quoteless(id)}>">x</a>`);
add('entity-quote-break', (_, id) => `<p title="&quot;&gt;&lt;img src=x onerror=${quoteless(id)}&gt;">x</p>`);
add('backtick-attribute-quotes', (_, id) => `<img src=\`x\` onerror=\`window.__tripwire('${id}')\`>`);
add('backtick-template-handler', (_, id) => `<img src=x onerror=window.__tripwire\`${id}\`>`);
add('end-tag-attributes', (c) => `<b>x</b onclick="${c}"><p>y</p onmouseover="${c}">`);
add('null-in-attr-name', (c) => `<img src=x onerror\u0000="${c}">`);

// --- Matrix-specific markup ----------------------------------------------------------------------

add('matrix-to-onclick', (c) => `<a href="https://matrix.to/#/@alice:example.org" onclick="${c}">Alice</a>`);
add('matrix-to-pill-onmouseover', (c) => `<a href="https://matrix.to/#/%23room:example.org" data-mx-pill onmouseover="${c}">#room</a>`);
add('matrix-to-javascript-fragment', (c) => `<a href="https://matrix.to/#/javascript:${encodeURIComponent(c)}">x</a>`);
add('matrix-to-lookalike-javascript', (c) => `<a href="javascript://matrix.to/%0A${encodeURIComponent(c)}">https://matrix.to/#/@alice:example.org</a>`);
add('font-color-onmouseover', (c) => `<font color="#ff0000" onmouseover="${c}">red</font>`);
add('font-color-quote-breakout', (_, id) => `<font color='#ff0000" onmouseover="${quoteless(id)}'>red</font>`);
add('font-color-style-injection', (c) => `<font color="#ff0000;background:url(javascript:${c})">red</font>`);
add('data-mx-color-injection', (c) => `<span data-mx-color="#ff0000&quot; onmouseover=&quot;${c}" data-mx-bg-color="expression(${c})">x</span>`);
add('data-mx-colors-onmouseover', (c) => `<span data-mx-bg-color="#000000" data-mx-color="#ffffff" onmouseover="${c}">x</span>`);
add('data-mx-spoiler-onclick', (c) => `<span data-mx-spoiler onclick="${c}">secret</span>`);
add('data-mx-spoiler-reason-markup', (_, id) => `<span data-mx-spoiler="<img src=x onerror=${quoteless(id)}>">secret</span>`);
add('data-mx-spoiler-reason-quote', (_, id) => `<span data-mx-spoiler='"><script>${quoteless(id)}</script>'>secret</span>`);
add('data-mx-maths-markup', (_, id) => `<span data-mx-maths="<img src=x onerror=${quoteless(id)}>">x</span>`);
add('data-mx-maths-katex-href', (c) => `<div data-mx-maths="\\href{javascript:${c}}{click}">click</div>`);
add('data-mx-unknown-handler', (c) => `<span data-mx-onclick="${c}" data-mx-href="javascript:${c}">x</span>`);
add('code-language-onclick', (c) => `<code class="language-x" onclick="${c}">x</code>`);
add('code-class-quote-breakout', (_, id) => `<code class='language-js" onclick="${quoteless(id)}'>x</code>`);
add('code-class-markup', (_, id) => `<pre><code class="language-<img src=x onerror=${quoteless(id)}>">x</code></pre>`);
add('code-escaped-script', (c) => `<pre><code class="language-html">&lt;script&gt;${c}&lt;/script&gt;</code></pre>`);
add('ol-start-quote-breakout', (_, id) => `<ol start='1" onmouseover="${quoteless(id)}'><li>x</li></ol>`);
add('mx-reply-img', (c) => `<mx-reply><img src=x onerror="${c}"></mx-reply>visible`);
add('mx-reply-unclosed', (c) => `<mx-reply><blockquote>quoted<script>${c}</script>`);
add('details-summary-allowed-ontoggle', (c) => `<details open ontoggle="${c}"><summary onclick="${c}">s</summary>d</details>`);

// --- plain text that must stay text (names, topics, file names) ---------------------------------

add('text-attr-breakout-img', (_, id) => `"><img src=x onerror=${quoteless(id)}>`);
add('text-attr-breakout-svg', (_, id) => `'><svg onload=${quoteless(id)}>`);
add('text-title-breakout', (c) => `</title><script>${c}</script>`);
add('text-textarea-breakout', (c) => `</textarea><script>${c}</script>`);
add('text-style-breakout', (c) => `</style><script>${c}</script>`);
add('text-script-breakout', (c) => `</script><script>${c}</script>`);
add('text-dq-handler', (c) => `x" onmouseover="${c}" x="`);
add('text-sq-handler', (_, id) => `x' autofocus onfocus='window.__tripwire("${id}")' x='`);
add('text-js-string-sq', (c) => `';${c};//`);
add('text-js-string-dq', (_, id) => `";window.__tripwire("${id}");//`);
add('text-js-url', (c) => `javascript:${c}`);
add('text-template-angular', (_, id) => `{{constructor.constructor('window.__tripwire("${id}")')()}}`);
add('text-template-angular-on', (_, id) => `{{$on.constructor('window.__tripwire("${id}")')()}}`);
add('text-template-literal', (c) => '${' + c + '}');
add('text-template-erb', (c) => `<%= ${c} %>`);
add('text-template-ruby', (c) => `#{${c}}`);
add('text-template-double-bracket', (_, id) => `[[constructor.constructor('window.__tripwire("${id}")')()]]`);
add('text-svelte-html-tag', (_, id) => `{@html '<img src=x onerror=${quoteless(id)}>'}`);
add('text-svelte-expression', (c) => `{${c}}`);
add('text-vue-v-html', (_, id) => `<div v-html="'<img src=x onerror=${quoteless(id)}>'"></div>`);
add('text-markdown-link', (c) => `[click me](javascript:${c})`);
add('text-markdown-image', (c) => `![pic](x"onerror="${c})`);
add('text-markdown-autolink', (c) => `<javascript:${c}>`);
add('text-filename-img', (_, id) => `invoice.pdf"><img src=x onerror=${quoteless(id)}>.pdf`);
add('text-filename-span-breakout', (_, id) => `</span><img src=x onerror=${quoteless(id)}>.png`);
add('text-filename-dq-handler', (c) => `photo"onerror="${c}".jpg`);
add('text-mxid-svg', (_, id) => `@alice:example.org"><svg onload=${quoteless(id)}>`);
add('text-alias-script', (c) => `#room:example.org<script>${c}</script>`);
add('text-cdata-close', (_, id) => `]]><img src=x onerror=${quoteless(id)}>`);
add('text-comment-close', (_, id) => `--><img src=x onerror=${quoteless(id)}>`);
add('text-data-url', (_, id) => `data:text/html;base64,${base64(scriptDocument(id))}`);

/** The XSS / HTML-injection corpus; each payload calls `window.__tripwire('<id>')` if it runs. */
export const XSS_PAYLOADS: readonly XssPayload[] = Object.freeze(payloads);

// --- layout breakers ---------------------------------------------------------------------------------

const zalgo = (base: string, depth: number): string =>
  Array.from(base, (char) => char + Array.from({ length: depth }, (_, i) => String.fromCharCode(0x300 + (i % 0x70))).join('')).join('');

/** Script-free text that tries to break layout: views must wrap, clip or isolate it. */
export const LAYOUT_BREAKERS: readonly LayoutBreaker[] = Object.freeze(
  [
    { id: 'long-word-10k', text: 'A'.repeat(10_000) },
    { id: 'long-url-unbroken', text: `https://example.org/${'a'.repeat(5_000)}?${'b='.repeat(1_000)}` },
    { id: 'rtl-override-filename', text: 'invoice\u202Efdp.exe' },
    { id: 'rtl-override-unclosed', text: '\u202EAlice (moderator)' },
    { id: 'bidi-isolates-unclosed', text: '\u2067\u2066\u2068isolated without pop' },
    { id: 'bidi-controls-flood', text: '\u202E\u202D\u202B\u202A'.repeat(500) + 'end' },
    { id: 'zalgo-200-deep', text: zalgo('Zalgo', 200) },
    { id: 'zero-width-joiners-500', text: `a${'\u200D'.repeat(500)}b` },
    { id: 'zero-width-spaces-only', text: '\u200B'.repeat(1_000) },
    { id: 'word-joiner-run', text: 'a\u2060'.repeat(3_000) },
    { id: 'emoji-family-zwj-run', text: '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'.repeat(300) },
    { id: 'tall-tibetan-stack', text: '\u0F40\u0FB5\u0F90\u0F91\u0F92\u0F94\u0F95\u0F96\u0F97\u0F99\u0F9A\u0F9B\u0F9C'.repeat(50) },
    { id: 'tall-javanese-ornaments', text: '\uA9C1\uA9C5\uA9C2'.repeat(200) },
    { id: 'newlines-2000', text: `top${'\n'.repeat(2_000)}bottom` },
    { id: 'crlf-flood', text: '\r\n'.repeat(2_000) },
    { id: 'line-paragraph-separators', text: '\u2028\u2029'.repeat(1_000) },
    { id: 'tabs-flood', text: '\t'.repeat(5_000) + 'x' },
    { id: 'spaces-flood', text: ' '.repeat(10_000) + 'x' },
    { id: 'nbsp-unbreakable', text: 'word\u00A0'.repeat(2_000) },
    { id: 'lone-high-surrogate', text: '\uD800' },
    { id: 'lone-low-surrogate-mid', text: 'before\uDC00after' },
    { id: 'reversed-surrogates', text: '\uDC00\uD800'.repeat(100) },
    { id: 'wide-arabic-ligature', text: '\uFDFD'.repeat(200) },
    { id: 'wide-cuneiform', text: '\u{12219}'.repeat(200) },
    { id: 'enclosing-marks', text: 'a\u20DD\u20DE\u20DF'.repeat(500) },
    { id: 'variation-selector-flood', text: `x${'\uFE0F'.repeat(1_000)}` },
    { id: 'invisible-hangul-filler', text: '\u3164\u115F\u1160' },
    { id: 'soft-hyphen-flood', text: '\u00AD'.repeat(5_000) },
    { id: 'bom-and-nulls', text: '\uFEFF\u0000'.repeat(500) }
  ].map((breaker) => Object.freeze(breaker))
);

/** Whether text holds a UTF-16 surrogate without its partner: not Unicode, so a receiving client's JSON parser refuses it. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
