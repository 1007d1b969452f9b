import { z } from 'zod';
import { id } from 'zod/locales';

/** Messages the schemas do not word themselves still reach the user in Bahasa Indonesia. */
z.config(id());
