// Small deterministic PRNG (splitmix64) and a stable hash: the same seed gives the same data and
// the same fault sequence on every platform (std distributions are implementation-defined).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace zsim {

inline quint64 stableHash(const QByteArray &data, quint64 h = 1469598103934665603ULL)
{
    for (const char c : data) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

class Prng
{
public:
    explicit Prng(quint64 seed = 1) : m_state(seed) {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0.
    quint64 below(quint64 n) { return n ? next() % n : 0; }
    int range(int lo, int hi) { return lo + int(below(quint64(hi - lo + 1))); } // inclusive
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    template <typename List> const auto &pick(const List &list) { return list[qsizetype(below(quint64(list.size())))]; }

    // Random string over an alphabet (used for deterministic ids and credentials).
    QString token(int length, const char *alphabet = "abcdefghijklmnopqrstuvwxyz0123456789")
    {
        const int n = int(qstrlen(alphabet));
        QString s;
        s.reserve(length);
        for (int i = 0; i < length; ++i)
            s += QLatin1Char(alphabet[below(quint64(n))]);
        return s;
    }

private:
    quint64 m_state;
};

inline constexpr const char *kAlnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

} // namespace zsim
