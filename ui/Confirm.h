#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <functional>

class QWidget;

namespace zc {

// Confirmations before destructive actions, asked without a nested event loop: the dialog is
// window-modal (open()) and the answer arrives in a callback. Tests preset the next answer
// (like KeePassXC's MessageBox::setNextAnswer), so they never block on a modal.
class Confirm
{
    Q_DECLARE_TR_FUNCTIONS(zc::Confirm)

public:
    struct Request
    {
        QString title;        // window title, e.g. "Delete tenant"
        QString text;         // the question, naming what will be deleted
        QString details;      // what else goes with it (clients, keychain entries)
        QString acceptLabel;  // e.g. "Delete"; the default button is always Cancel
        QString typedName;    // non-empty: the person must type this exactly to confirm
    };
    using Done = std::function<void(bool confirmed)>;

    // Calls `done` once (later, from the event loop) with the answer, unless `ctx` is gone.
    static void ask(QWidget *parent, const Request &request, QObject *ctx, Done done);

    // Test seams: the next ask() shows nothing and answers with the preset.
    static void setNextAnswer(bool confirmed);
    // The next ask() behaves as if the person typed `typed` (checked against typedName; a
    // request without typedName is confirmed by any preset text).
    static void setNextTypedName(const QString &typed);
    static void clearPreset();
    static bool hasPreset();
    // The last request asked (text + details), for tests to check what was named.
    static QString lastQuestion();

    // The answer a request gets from a typed text (exact match, no trimming or case folding).
    static bool typedNameMatches(const Request &request, const QString &typed);
};

} // namespace zc
