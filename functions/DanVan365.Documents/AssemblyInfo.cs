[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("DanVan365.Documents.Tests")]
