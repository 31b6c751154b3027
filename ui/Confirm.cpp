#include "Confirm.h"

#include "TypedConfirmDialog.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <optional>

namespace zc {

namespace {
struct Preset
{
    std::optional<bool> answer;
    std::optional<QString> typed;
};
Preset &preset()
{
    static Preset p;
    return p;
}
QString &lastAsked()
{
    static QString s;
    return s;
}
} // namespace

void Confirm::setNextAnswer(bool confirmed)
{
    preset().answer = confirmed;
    preset().typed.reset();
}

void Confirm::setNextTypedName(const QString &typed)
{
    preset().typed = typed;
    preset().answer.reset();
}

void Confirm::clearPreset() { preset() = Preset(); }

bool Confirm::hasPreset() { return preset().answer.has_value() || preset().typed.has_value(); }

QString Confirm::lastQuestion() { return lastAsked(); }

bool Confirm::typedNameMatches(const Request &request, const QString &typed)
{
    return !request.typedName.isEmpty() && typed == request.typedName;
}

void Confirm::ask(QWidget *parent, const Request &request, QObject *ctx, Done done)
{
    lastAsked() = request.details.isEmpty() ? request.text : request.text + QLatin1Char('\n') + request.details;
    QPointer<QObject> guard(ctx);
    auto deliver = [guard, done](bool answer) {
        if (guard && done)
            done(answer);
    };

    if (hasPreset()) {
        const Preset p = preset();
        clearPreset();
        bool answer = false;
        if (p.typed)
            answer = request.typedName.isEmpty() ? true : typedNameMatches(request, *p.typed);
        else if (!request.typedName.isEmpty())
            answer = false; // a plain "yes" never passes a typed-name confirmation
        else
            answer = *p.answer;
        QMetaObject::invokeMethod(ctx, [deliver, answer] { deliver(answer); }, Qt::QueuedConnection);
        return;
    }

    if (!request.typedName.isEmpty()) {
        auto *dlg = new TypedConfirmDialog(request, parent);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dlg, &QDialog::finished, ctx,
                         [deliver](int result) { deliver(result == QDialog::Accepted); });
        dlg->open();
        return;
    }

    auto *box = new QMessageBox(QMessageBox::Warning, request.title, request.text,
                                QMessageBox::NoButton, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("confirmBox"));
    box->setInformativeText(request.details);
    QPushButton *accept = box->addButton(
        request.acceptLabel.isEmpty() ? tr("Delete") : request.acceptLabel,
        QMessageBox::DestructiveRole);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    QObject::connect(box, &QMessageBox::finished, ctx, [deliver, box, accept](int) {
        deliver(box->clickedButton() == accept);
    });
    box->open();
}

} // namespace zc
