/** Warnings (预警): the warning page, mounted as a custom route; the inbox tab and cockpit card live with those screens. */
import { WarningPage } from './WarningPage.tsx';

export default { page: WarningPage };
