/** Construct metadata recorded by Bulwark constructs for an explicit, reasoned opt-out of a secure default. */
export const OPT_OUT_KEY = 'bulwark:opt-out';
