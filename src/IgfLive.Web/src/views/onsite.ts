import { showOnsite } from './onsite/view';

// The onsite moderator's view of one session, from its link (/s/{id}/onsite#key=…).
showOnsite();
