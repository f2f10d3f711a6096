import { en } from '../i18n/en';
import { appRoot, fatal } from '../lib/page';
import { keyFromHash, sessionIdFromPath } from '../lib/shell';
import { showStage } from './stage/display';

// The stage display of one session, from its link (/s/{id}/stage#key=…).

const app = appRoot();
const sessionId = sessionIdFromPath();
const key = keyFromHash();

if (!sessionId || !key) fatal(app, en.stage.pageTitle, sessionId ? en.common.missingKey : en.common.missingSession);
else showStage(app, sessionId, key);
