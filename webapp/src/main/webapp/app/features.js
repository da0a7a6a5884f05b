// Each feature of the app registers its views when imported here.
import './admin/admin.js';
