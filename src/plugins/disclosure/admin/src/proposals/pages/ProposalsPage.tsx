import { Route, Routes } from 'react-router-dom';
import { ProposalList } from '../components/ProposalList';
import { ProposalView } from '../components/ProposalView';

/** 建议提案办理: the list at plugins/disclosure/proposals, one case at …/proposals/:id. */
const ProposalsPage = () => (
  <Routes>
    <Route index element={<ProposalList />} />
    <Route path=":id" element={<ProposalView />} />
  </Routes>
);

export default ProposalsPage;
