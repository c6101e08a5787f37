// The browser suite's deployment settings: the stand-in translation service (a LibreTranslate
// look-alike the interpretation test starts on this port) is one the operator "runs", so the
// app's security policy lets the page reach it.
import { writeFileSync } from 'node:fs';

const [buildDir, translationPort] = process.argv.slice(2);
writeFileSync(`${buildDir}/config.json`, JSON.stringify({ defaultServer: '', translationServices: [`http://127.0.0.1:${translationPort}`] }));
