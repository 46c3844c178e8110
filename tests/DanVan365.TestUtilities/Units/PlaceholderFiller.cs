using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DanVan365.TestUtilities.Units;

/// <summary>
/// Fills in the placeholder people of a directory proposed by `danvan365 init` the way a ward would: each person whose
/// address is under ".invalid" gets a generated address under <c>domain</c> and an object id derived from that address
/// (the same address, the same id: a chairman who signs keeps one identity).
/// </summary>
public static class PlaceholderFiller
{
    /// <summary>Fills the file in place; returns how many people were filled in.</summary>
    public static int Fill(string unitsPath, string domain = "phuong-moi.example.vn")
    {
        var root = JsonNode.Parse(File.ReadAllText(unitsPath))!.AsObject();
        var people = new List<JsonNode?>();
        foreach (var unit in root["units"]!.AsArray())
        {
            people.Add(unit!["head"]);
            people.AddRange(unit["assignees"]?.AsArray() ?? []);
        }

        people.AddRange(root["people"]?.AsArray() ?? []);
        var filled = 0;
        foreach (var person in people.OfType<JsonObject>())
        {
            var email = person["email"]!.GetValue<string>();
            if (!email.EndsWith(".invalid", StringComparison.Ordinal))
            {
                continue;
            }

            var address = email[..email.IndexOf('@', StringComparison.Ordinal)] + "@" + domain;
            person["email"] = address;
            person["objectId"] = ObjectIdOf(address);
            filled++;
        }

        File.WriteAllText(unitsPath, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), new UTF8Encoding(false));
        return filled;
    }

    /// <summary>A GUID derived from the address (stable across runs).</summary>
    public static string ObjectIdOf(string address)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(address.ToLowerInvariant()));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
