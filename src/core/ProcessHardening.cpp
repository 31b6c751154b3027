#include "core/ProcessHardening.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#include <sys/resource.h>
#elif defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

namespace zc {

bool hardenProcess()
{
    bool ok = true;
#if defined(Q_OS_UNIX)
    struct rlimit none = {0, 0};
    ok = setrlimit(RLIMIT_CORE, &none) == 0 && ok;
#endif
#if defined(Q_OS_LINUX)
    ok = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

bool isProcessHardened()
{
#if defined(Q_OS_LINUX)
    struct rlimit lim = {};
    return getrlimit(RLIMIT_CORE, &lim) == 0 && lim.rlim_cur == 0 && prctl(PR_GET_DUMPABLE) == 0;
#else
    return true;
#endif
}

} // namespace zc
