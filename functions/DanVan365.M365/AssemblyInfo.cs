[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("DanVan365.M365.Tests")]
