using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests;

/// <summary>
/// Core does no I/O (issue 11, "Core does no I/O"): its compiled metadata names no file-system API. Files are read at the
/// edges (CLI, Functions, M365 composition) and Core parses text or streams.
/// </summary>
public class CoreBoundaryTests
{
    /// <summary>System.IO types that touch the file system (Stream, TextReader and the exceptions are not among them).</summary>
    private static readonly HashSet<string> FileSystemTypes = new(StringComparer.Ordinal)
    {
        "File", "Directory", "FileInfo", "DirectoryInfo", "FileSystemInfo", "FileStream", "FileSystemWatcher", "DriveInfo",
        "RandomAccess",
    };

    /// <summary>Members of System.IO.Path that read the machine (Path's string helpers such as GetExtension are pure).</summary>
    private static readonly HashSet<string> FileSystemPathMembers = new(StringComparer.Ordinal)
    {
        "GetTempFileName", "GetTempPath", "GetFullPath", "Exists", "GetRandomFileName",
    };

    [Fact]
    public void CoreAssembly_Metadata_NamesNoFileSystemApi()
    {
        var uses = FileSystemUses(typeof(UnitDirectory).Assembly.Location);

        Assert.Empty(uses);
    }

    [Fact]
    public void FileSystemUses_AssemblyThatOpensFiles_FindsFile()
    {
        // This test assembly opens files (FileSystemUses reads an assembly with File.OpenRead), so the scan must see it.
        var uses = FileSystemUses(typeof(CoreBoundaryTests).Assembly.Location);

        Assert.Contains("System.IO.File", uses);
    }

    /// <summary>File-system types and Path members an assembly's metadata names (e.g. "System.IO.File").</summary>
    private static SortedSet<string> FileSystemUses(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            var name = metadata.GetString(type.Name);
            if (metadata.GetString(type.Namespace) == "System.IO" && FileSystemTypes.Contains(name))
            {
                found.Add("System.IO." + name);
            }
        }

        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var parent = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
            var name = metadata.GetString(member.Name);
            if (metadata.GetString(parent.Namespace) == "System.IO" && metadata.GetString(parent.Name) == "Path"
                && FileSystemPathMembers.Contains(name))
            {
                found.Add("System.IO.Path." + name);
            }
        }

        return found;
    }
}
