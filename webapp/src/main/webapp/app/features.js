// Each feature of the app registers its views when imported here.
import './inbox/inbox.js';
