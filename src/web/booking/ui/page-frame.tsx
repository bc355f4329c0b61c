import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

interface Frame {
  brand: string | null;
  setBrand: (brand: string | null) => void;
}

const FrameContext = createContext<Frame>({ brand: null, setBrand: () => undefined });

/** Lets a page name the practice in the header once it knows it. */
export function FrameProvider({ children }: { children: ReactNode }) {
  const [brand, setBrand] = useState<string | null>(null);
  return <FrameContext.Provider value={{ brand, setBrand }}>{children}</FrameContext.Provider>;
}

export const useFrame = () => useContext(FrameContext);

/** The tab's title and the header's practice name of the page shown. */
export function usePageTitle(title: string, practice: string | null): void {
  const { setBrand } = useFrame();
  useEffect(() => {
    document.title = practice ? `${title} · ${practice}` : title;
    setBrand(practice);
  }, [title, practice, setBrand]);
}
