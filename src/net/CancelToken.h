#pragma once

#include <functional>
#include <memory>

namespace zc {

// Cancels one multi-step operation (rate-limit wait → request → retry wait → …). Each step
// installs a hook that stops it; cancel() runs the current hook once and marks the token so
// later steps do not start. Used from the thread that runs the operation.
class CancelToken
{
public:
    void cancel()
    {
        if (m_cancelled)
            return;
        m_cancelled = true;
        auto hook = std::move(m_hook);
        m_hook = nullptr;
        if (hook)
            hook();
    }
    bool isCancelled() const { return m_cancelled; }
    void setHook(std::function<void()> hook) { m_hook = std::move(hook); }
    void clearHook() { m_hook = nullptr; }

private:
    bool m_cancelled = false;
    std::function<void()> m_hook;
};

using CancelHandle = std::shared_ptr<CancelToken>;

inline CancelHandle makeCancelHandle() { return std::make_shared<CancelToken>(); }

} // namespace zc
