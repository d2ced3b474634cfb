// histedit.h lives in the default include path (or pkg-config's -I), so the
// module map points here instead of at an absolute path.
#include <histedit.h>
