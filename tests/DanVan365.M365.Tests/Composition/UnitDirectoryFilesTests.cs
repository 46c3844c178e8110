using DanVan365.Core.Errors;
using DanVan365.M365.Composition;

namespace DanVan365.M365.Tests.Composition;

public sealed class UnitDirectoryFilesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("danvan365-units-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Load_MissingFile_ThrowsNamingThePath()
    {
        var path = Path.Combine(_folder.FullName, "units.json");

        var ex = Assert.Throws<InvalidInputException>(() => UnitDirectoryFiles.Load(path));

        Assert.Equal(path, ex.File);
        Assert.Contains("not found", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidFile_ReadsTheUnits()
    {
        var path = Write("{\"units\":[{\"code\":\"A\",\"name\":\"Phòng Một\",\"kind\":\"office\"}]}");

        var directory = UnitDirectoryFiles.Load(path);

        Assert.Equal("Phòng Một", Assert.Single(directory.Units).Name);
    }

    [Fact]
    public void Load_BadContent_ThrowsWithFileAndLine()
    {
        var path = Write("{\n\"units\": [\n{\"code\":\"A\",\"name\":\"Một\",\"kind\":\"ministry\"}\n]}");

        var ex = Assert.Throws<InvalidInputException>(() => UnitDirectoryFiles.Load(path));

        Assert.Equal(path, ex.File);
        Assert.Equal(3, ex.Line);
        Assert.StartsWith($"{path}:3:", ex.Message, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder.FullName, "units.json");
        File.WriteAllText(path, json);
        return path;
    }
}
