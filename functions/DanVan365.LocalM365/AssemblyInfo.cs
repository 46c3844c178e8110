[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("DanVan365.LocalM365.Tests")]
