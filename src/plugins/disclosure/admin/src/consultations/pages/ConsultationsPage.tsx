import { Route, Routes } from 'react-router-dom';
import { ConsultationList } from '../components/ConsultationList';
import { ConsultationView } from '../components/ConsultationView';

/** 调查征集: the list at plugins/disclosure/consultations, one consultation at …/consultations/:id. */
const ConsultationsPage = () => (
  <Routes>
    <Route index element={<ConsultationList />} />
    <Route path=":id" element={<ConsultationView />} />
  </Routes>
);

export default ConsultationsPage;
