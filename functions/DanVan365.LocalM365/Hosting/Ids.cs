using System.Security.Cryptography;
using System.Text;

namespace DanVan365.LocalM365;

/// <summary>Ids in the shapes Graph uses (GUIDs, drive "b!…", driveItem "01…", Planner 28 characters).</summary>
internal static class Ids
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string UrlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>A GUID derived from a name, so a seed gives the same ids every time.</summary>
    public static string FromName(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    public static string NewGuid() => Guid.NewGuid().ToString();

    public static string DriveId(string seed) =>
        "b!" + Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 36).ToArray()).Replace('+', '-').Replace('/',
            '_');

    public static string DriveItemId() => "01" + Random(Base32, 32);

    public static string PlannerId() => Random(UrlSafe, 28);

    /// <summary>An unguessable token (256 random bits, URL-safe), for a URL that carries its own authorization.</summary>
    public static string Secret() => Random(UrlSafe, 43);

    private static string Random(string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }
}
