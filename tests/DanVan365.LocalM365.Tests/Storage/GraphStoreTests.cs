using System.Text.Json.Nodes;
using DanVan365.LocalM365.Storage;
using DanVan365.TestUtilities;

namespace DanVan365.LocalM365.Tests.Storage;

public class GraphStoreTests
{
    [Fact]
    public void Get_ChangingTheReturnedDocument_LeavesTheStoredOneAlone()
    {
        using var store = new GraphStore(null);
        store.Put("item", "1", "list-a", new JsonObject { ["id"] = "1", ["Title"] = "Một" });

        store.Get("item", "1")!["Title"] = "Đã sửa";

        Assert.Equal("Một", (string?)store.Get("item", "1")!["Title"]);
    }

    [Fact]
    public void Children_ReplacedChild_KeepsItsPlaceInInsertionOrder()
    {
        using var store = new GraphStore(null);
        store.Put("item", "b", "list-a", new JsonObject { ["id"] = "b" });
        store.Put("item", "a", "list-a", new JsonObject { ["id"] = "a" });
        store.Put("item", "c", "list-b", new JsonObject { ["id"] = "c" });

        store.Put("item", "b", "list-a", new JsonObject { ["id"] = "b", ["v"] = 2 });

        Assert.Equal(["b", "a"], store.Children("item", "list-a").Select(d => (string?)d["id"]));
        Assert.Equal([("a", null), ("b", "2")], store.ChildValues("item", "list-a", "$.v").Select(v => (v.Id, v.Json)).OrderBy(v => v.Id));
    }

    [Fact]
    public void ChangedSince_UpdatesAndDeletes_EachIdOnceInOrderOfItsLastChange()
    {
        using var store = new GraphStore(null);
        var start = store.CurrentSequence();
        store.Put("item", "1", "list-a", new JsonObject { ["id"] = "1" }, logChange: true);
        store.Put("item", "2", "list-a", new JsonObject { ["id"] = "2" }, logChange: true);
        store.Put("item", "1", "list-a", new JsonObject { ["id"] = "1", ["v"] = 2 }, logChange: true);
        var middle = store.CurrentSequence();
        Assert.Equal(["2", "1"], store.ChangedSince("item", "list-a", start));

        Assert.True(store.Delete("item", "2", parentForLog: "list-a"));
        store.Put("item", "9", "list-b", new JsonObject { ["id"] = "9" }, logChange: true);

        Assert.Equal(["1", "2"], store.ChangedSince("item", "list-a", start));
        Assert.Equal(["2"], store.ChangedSince("item", "list-a", middle));
        Assert.Equal(["9"], store.ChangedSince("item", "list-b", start));
        Assert.False(store.Delete("item", "2", parentForLog: "list-a"));
    }

    [Fact]
    public void Atomically_OperationThrows_NothingItWroteRemains()
    {
        using var store = new GraphStore(null);
        store.PutMeta("seeded", "1");

        Assert.Throws<InvalidOperationException>(() => store.Atomically<int>(() =>
        {
            store.Put("item", "1", "list-a", new JsonObject { ["id"] = "1" });
            store.PutMeta("seeded", "2");
            _ = store.NextCounter("items");
            throw new InvalidOperationException("boom");
        }));

        Assert.Null(store.Get("item", "1"));
        Assert.Equal("1", store.GetMeta("seeded"));
        Assert.Equal(1, store.NextCounter("items"));
    }

    [Fact]
    public void NewStore_SameFile_KeepsDocumentsBlobsAndCounters()
    {
        using var folder = new TempDir();
        var path = folder.File("graph.db");
        using (var first = new GraphStore(path))
        {
            first.Put("item", "1", "list-a", new JsonObject { ["id"] = "1", ["Title"] = "Một" });
            first.PutBlob("content-1", [1, 2, 3]);
            first.PutMeta("seeded", "1");
            Assert.Equal(1, first.NextCounter("items"));
        }

        using var second = new GraphStore(path);

        Assert.False(second.IsEmpty);
        Assert.Equal("Một", (string?)second.Get("item", "1")!["Title"]);
        Assert.Equal([1, 2, 3], second.GetBlob("content-1"));
        Assert.Equal(2, second.NextCounter("items"));
        second.Put("item", "2", "list-a", new JsonObject { ["id"] = "2" });
        Assert.Equal(["1", "2"], second.Children("item", "list-a").Select(d => (string?)d["id"]));
    }

    [Fact]
    public void Clear_StoreWithState_EmptyAgain()
    {
        using var store = new GraphStore(null);
        store.PutMeta("seeded", "1");
        store.Put("item", "1", "list-a", new JsonObject { ["id"] = "1" });
        store.PutBlob("b", [9]);

        store.Clear();

        Assert.True(store.IsEmpty);
        Assert.Null(store.Get("item", "1"));
        Assert.Null(store.GetBlob("b"));
    }
}
