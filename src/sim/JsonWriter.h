// A minimal streaming JSON writer for the hot paths (application segments): faster than building
// QJsonObjects, and it keeps the field order of the real service.
#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace zsim {

void appendJsonString(QByteArray &out, QStringView s);

class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out) : m_out(out) {}

    JsonWriter &beginObject() { sep(); m_out += '{'; m_first.push_back(true); return *this; }
    JsonWriter &endObject() { m_out += '}'; m_first.pop_back(); return *this; }
    JsonWriter &beginArray() { sep(); m_out += '['; m_first.push_back(true); return *this; }
    JsonWriter &endArray() { m_out += ']'; m_first.pop_back(); return *this; }
    JsonWriter &key(const char *k)
    {
        sep();
        m_out += '"';
        m_out += k;
        m_out += "\":";
        m_afterKey = true;
        return *this;
    }
    JsonWriter &str(QStringView v) { sep(); appendJsonString(m_out, v); return *this; }
    JsonWriter &str(const char *v) { return str(QString::fromLatin1(v)); }
    JsonWriter &numStr(qint64 v) { sep(); m_out += '"'; m_out += QByteArray::number(v); m_out += '"'; return *this; }
    JsonWriter &num(qint64 v) { sep(); m_out += QByteArray::number(v); return *this; }
    JsonWriter &boolean(bool v) { sep(); m_out += v ? "true" : "false"; return *this; }
    JsonWriter &raw(const QByteArray &json) { sep(); m_out += json; return *this; }

private:
    void sep()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (m_first.empty())
            return;
        if (!m_first.back())
            m_out += ',';
        m_first.back() = false;
    }

    QByteArray &m_out;
    std::vector<bool> m_first;
    bool m_afterKey = false;
};

} // namespace zsim
